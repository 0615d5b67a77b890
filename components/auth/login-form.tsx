"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useIntlResolver, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { signInSchema } from "@/lib/auth/schemas";

type In = z.input<typeof signInSchema>;
type Out = z.output<typeof signInSchema>;

/** The catalog key (namespace `auth`) of next-auth's sign-in error. */
export function signInErrorKey(error: string | null | undefined): "rateLimited" | "badCredentials" {
  return error === "RATE_LIMITED" ? "rateLimited" : "badCredentials";
}

export function LoginForm({
  next,
  defaultEmail = "",
  onSignedIn,
}: {
  next: string;
  defaultEmail?: string;
  /** when given (the idle lock), called instead of navigating */
  onSignedIn?: () => void;
}) {
  const t = useTranslations("auth");
  const [error, setError] = useState<string | null>(null);
  const resolver = useIntlResolver(zodResolver(signInSchema, zodIntlParams));
  const form = useForm<In, unknown, Out>({ resolver, defaultValues: { email: defaultEmail, password: "" } });
  const { errors, isSubmitting } = form.formState;

  async function onSubmit(values: Out) {
    setError(null);
    try {
      const res = await signIn("credentials", { email: values.email, password: values.password, redirect: false });
      if (!res || res.error || !res.ok) {
        setError(t(signInErrorKey(res?.error)));
        form.setValue("password", "");
        form.setFocus("password");
        return;
      }
      // The tablet's offline store: the key for the offline unlock is made from this password now.
      await import("@/lib/offline/remember")
        .then((m) => m.rememberAfterSignIn(values.email, values.password))
        .catch(() => undefined);
      if (onSignedIn) onSignedIn();
      else window.location.assign(next);
    } catch {
      setError(t("offline"));
    }
  }

  return (
    <ClientForm onSubmit={form.handleSubmit(onSubmit)} className="space-y-5" aria-label={t("title")}>
      {error ? (
        <Alert tone="danger" data-testid="sign-in-error">
          {error}
        </Alert>
      ) : null}
      <div className="space-y-2">
        <Label htmlFor="email">{t("email")}</Label>
        <Input
          id="email"
          type="email"
          autoComplete="username"
          inputMode="email"
          autoCapitalize="none"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "email-error" : undefined}
          {...form.register("email")}
        />
        {errors.email ? (
          <p id="email-error" className="text-danger">
            {errors.email.message}
          </p>
        ) : null}
      </div>
      <div className="space-y-2">
        <Label htmlFor="password">{t("password")}</Label>
        <Input
          id="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={errors.password ? true : undefined}
          aria-describedby={errors.password ? "password-error" : undefined}
          {...form.register("password")}
        />
        {errors.password ? (
          <p id="password-error" className="text-danger">
            {errors.password.message}
          </p>
        ) : null}
      </div>
      <Button type="submit" size="lg" className="w-full" disabled={isSubmitting}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </ClientForm>
  );
}
