"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, type Resolver } from "react-hook-form";
import { FieldError, FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { ActionResult } from "@/lib/action-result";
import { registerClientSchema, type RegisterClientInput } from "@/lib/fhir/schemas";
import { useFormStatus } from "@/components/forms/use-form-status";
import { useIntlResolver, zodIntlParams } from "@/components/forms/use-intl-resolver";

type Values = { name: string; jwks: string; scopes: string[] };
const EMPTY: Values = { name: "", jwks: "", scopes: ["system/*.read"] };

/** Register a SMART Backend Services client: a name, its public JWKS and the read scopes granted. */
export function FhirClientForm({ onSubmit, scopes }: { onSubmit: (input: RegisterClientInput) => Promise<ActionResult<{ clientId: string }>>; scopes: string[] }) {
  const [status, setStatus] = useFormStatus();
  const t = useTranslations("fhirForms");
  const resolver = useIntlResolver(zodResolver(registerClientSchema, zodIntlParams) as unknown as Resolver<Values>);
  const form = useForm<Values>({ resolver, defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async (v) => {
    setStatus(null);
    try {
      const res = await onSubmit(v);
      if (res.ok) {
        setStatus({ tone: "success", text: t("registered", { name: v.name, id: res.data.clientId }) });
        form.reset(EMPTY);
      } else {
        for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) form.setError(field as keyof Values, { message: messages[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: t("offlineNotSaved") });
    }
  });
  return (
    <ClientForm onSubmit={submit} className="space-y-4" aria-label={t("registerForm")}>
      <div className="space-y-2">
        <Label htmlFor="client-name">{t("name")}</Label>
        <Input id="client-name" autoComplete="off" aria-invalid={errors.name ? true : undefined} aria-describedby="client-name-error" {...form.register("name")} />
        <FieldError id="client-name-error" message={errors.name?.message} />
      </div>
      <div className="space-y-2">
        <Label htmlFor="client-jwks">{t("jwks")}</Label>
        <Textarea id="client-jwks" rows={6} spellCheck={false} className="font-mono text-sm" aria-invalid={errors.jwks ? true : undefined} aria-describedby="client-jwks-error" {...form.register("jwks")} />
        <FieldError id="client-jwks-error" message={errors.jwks?.message} />
      </div>
      <fieldset className="space-y-2" aria-describedby="client-scopes-error">
        <legend className="font-semibold">{t("scopes")}</legend>
        <div className="grid gap-1 sm:grid-cols-2">
          {scopes.map((s) => (
            <label key={s} className="flex min-h-11 items-center gap-3">
              <input type="checkbox" value={s} className="size-6" {...form.register("scopes")} />
              <code>{s}</code>
            </label>
          ))}
        </div>
        <FieldError id="client-scopes-error" message={errors.scopes?.message} />
      </fieldset>
      <FormMessage status={status} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("registering") : t("register")}
      </Button>
    </ClientForm>
  );
}
