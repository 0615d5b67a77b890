"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { useIntlResolver, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { FieldError, FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/action-result";
import { changeRoleSchema, resetPasswordSchema, type ChangeRoleInput, type ResetPasswordInput } from "@/lib/users/schemas";
import { useFormStatus } from "@/components/forms/use-form-status";

function useResult<V extends Record<string, unknown>>(form: { setError: (f: keyof V & string, e: { message?: string }) => void }) {
  const errorsT = useTranslations("errors");
  const [status, setStatus] = useFormStatus();
  const handle = async (p: () => Promise<ActionResult<unknown>>, done: string) => {
    setStatus(null);
    try {
      const res = await p();
      if (res.ok) {
        setStatus({ tone: "success", text: done });
      } else {
        for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) form.setError(field as keyof V & string, { message: messages[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: errorsT("offlineNotSaved") });
    }
  };
  return { status, handle };
}

type RoleValues = { userId: string; version: string; role: "admin" | "therapist" | "assistant"; discipline: string };

export function ChangeRoleForm({ defaultValues, onSubmit }: { defaultValues: RoleValues; onSubmit: (i: ChangeRoleInput) => Promise<ActionResult<{ version: number }>> }) {
  const t = useTranslations("personForms");
  const roles = useTranslations("roles");
  const common = useTranslations("common");
  const resolver = useIntlResolver(zodResolver(changeRoleSchema, zodIntlParams) as unknown as Resolver<RoleValues>);
  const form = useForm<RoleValues>({ resolver, defaultValues });
  const { status, handle } = useResult<RoleValues>(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(() => {
    const v = form.getValues();
    return handle(() => onSubmit({ ...v, discipline: v.discipline as ChangeRoleInput["discipline"] }), t("roleChanged"));
  });
  return (
    <ClientForm onSubmit={submit} className="space-y-4" aria-label={t("changeRole")}>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-2">
          <Label htmlFor="role">{t("role")}</Label>
          <Select id="role" {...form.register("role")}>
            <option value="assistant">{roles("assistant")}</option>
            <option value="therapist">{roles("therapist")}</option>
            <option value="admin">{roles("admin")}</option>
          </Select>
        </div>
        <div className="space-y-2">
          <Label htmlFor="discipline">{t("discipline")}</Label>
          <Select id="discipline" aria-describedby="discipline-error" {...form.register("discipline")}>
            <option value="">{common("none")}</option>
            <option value="PT">PT</option>
            <option value="OT">OT</option>
            <option value="SLP">SLP</option>
            <option value="RT">RT</option>
          </Select>
          <FieldError id="discipline-error" message={errors.discipline?.message} />
        </div>
      </div>
      <p className="text-muted-foreground">{t("roleHelp")}</p>
      <FormMessage status={status} />
      <Button type="submit" disabled={isSubmitting}>
        {t("changeRole")}
      </Button>
    </ClientForm>
  );
}

type ResetValues = { userId: string; version: string; temporaryPassword: string };

export function ResetPasswordForm({ defaultValues, onSubmit }: { defaultValues: Omit<ResetValues, "temporaryPassword">; onSubmit: (i: ResetPasswordInput) => Promise<ActionResult<{ version: number }>> }) {
  const t = useTranslations("personForms");
  const resolver = useIntlResolver(zodResolver(resetPasswordSchema, zodIntlParams) as unknown as Resolver<ResetValues>);
  const form = useForm<ResetValues>({ resolver, defaultValues: { ...defaultValues, temporaryPassword: "" } });
  const { status, handle } = useResult<ResetValues>(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(() =>
    handle(() => onSubmit(form.getValues()), t("passwordReset")),
  );
  return (
    <ClientForm onSubmit={submit} className="space-y-4" aria-label={t("resetPassword")}>
      <div className="max-w-md space-y-2">
        <Label htmlFor="temporaryPassword">{t("temporaryPassword")}</Label>
        <Input id="temporaryPassword" type="password" autoComplete="new-password" aria-invalid={errors.temporaryPassword ? true : undefined} aria-describedby="temporaryPassword-error" {...form.register("temporaryPassword")} />
        <FieldError id="temporaryPassword-error" message={errors.temporaryPassword?.message} />
      </div>
      <FormMessage status={status} />
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        {t("resetPassword")}
      </Button>
    </ClientForm>
  );
}

/** Add one assignment from a list (a supervising therapist, a supervised assistant, a caseload patient). */
export function AddAssignment<I extends { assign: boolean }, K extends keyof I & string>({
  id,
  label,
  options,
  base,
  choiceField,
  onSubmit,
}: {
  id: string;
  label: string;
  options: { id: string; name: string }[];
  /** the fixed part of the assignment; the chosen id goes into `choiceField` */
  base: Omit<I, K | "assign">;
  choiceField: K;
  onSubmit: (input: I) => Promise<ActionResult<{ changed: boolean }>>;
}) {
  const t = useTranslations("personForms");
  const errorsT = useTranslations("errors");
  const [choice, setChoice] = useState("");
  const [status, setStatus] = useFormStatus();
  const [busy, setBusy] = useState(false);
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!choice) return setStatus({ tone: "danger", text: t("chooseFirst") });
    setBusy(true);
    try {
      const res = await onSubmit({ ...base, [choiceField]: choice, assign: true } as unknown as I);
      setStatus(res.ok ? { tone: "success", text: res.data.changed ? t("assigned") : t("alreadyAssigned") } : { tone: "danger", text: res.message });
      if (res.ok) setChoice("");
    } catch {
      setStatus({ tone: "danger", text: errorsT("offlineNotSaved") });
    } finally {
      setBusy(false);
    }
  };
  return (
    <ClientForm onSubmit={add} className="space-y-2" aria-label={label}>
      <div className="flex flex-wrap items-end gap-3">
        <div className="min-w-64 flex-1 space-y-1">
          <Label htmlFor={id}>{label}</Label>
          <Select id={id} value={choice} onChange={(e) => setChoice(e.target.value)}>
            <option value="">{t("choose")}</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {t("assign")}
        </Button>
      </div>
      <FormMessage status={status} />
    </ClientForm>
  );
}
