"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useForm } from "react-hook-form";
import { useIntlResolver, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { FieldError, FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/action-result";
import { changeOwnPasswordSchema, type ChangeOwnPasswordInput } from "@/lib/users/schemas";
import { useFormStatus } from "@/components/forms/use-form-status";

type Values = ChangeOwnPasswordInput;
const FIELDS = [
  ["currentPassword", "currentPassword", "current-password"],
  ["newPassword", "newPassword", "new-password"],
  ["confirmPassword", "confirmPassword", "new-password"],
] as const;

export function ChangePasswordForm({ onSubmit, home }: { onSubmit: (input: Values) => Promise<ActionResult<{ ok: true }>>; home: string }) {
  const router = useRouter();
  const [status, setStatus] = useFormStatus();
  const t = useTranslations("account");
  const errorsT = useTranslations("errors");
  const resolver = useIntlResolver(zodResolver(changeOwnPasswordSchema, zodIntlParams));
  const form = useForm<Values>({ resolver, defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" } });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (values) => {
    setStatus(null);
    try {
      const res = await onSubmit(values);
      if (res.ok) {
        setStatus({ tone: "success", text: t("passwordChanged") });
        // the action re-renders nothing; home is rendered by this navigation (the shell shows nothing the change alters)
        router.push(home);
      } else {
        for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) form.setError(field as keyof Values, { message: messages[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: errorsT("offlineNotSaved") });
    }
  });
  return (
    <ClientForm onSubmit={submit} className="space-y-5" aria-label={t("passwordTitle")}>
      {FIELDS.map(([name, label, autoComplete]) => (
        <div key={name} className="space-y-2">
          <Label htmlFor={name}>{t(label)}</Label>
          <Input id={name} type="password" autoComplete={autoComplete} aria-invalid={errors[name] ? true : undefined} aria-describedby={`${name}-error`} {...form.register(name)} />
          <FieldError id={`${name}-error`} message={errors[name]?.message} />
        </div>
      ))}
      <FormMessage status={status} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("saving") : t("setNewPassword")}
      </Button>
    </ClientForm>
  );
}
