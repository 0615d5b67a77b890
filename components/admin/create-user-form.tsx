"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useForm, type Resolver } from "react-hook-form";
import { useIntlResolver, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { FieldError, FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/action-result";
import { createUserSchema, type CreateUserInput } from "@/lib/users/schemas";
import { useFormStatus } from "@/components/forms/use-form-status";

type Values = { name: string; email: string; role: "admin" | "therapist" | "assistant"; title: string; discipline: string; initialPassword: string };
const EMPTY: Values = { name: "", email: "", role: "assistant", title: "", discipline: "", initialPassword: "" };

export function CreateUserForm({ onSubmit }: { onSubmit: (input: CreateUserInput) => Promise<ActionResult<{ id: string }>> }) {
  const t = useTranslations("createUser");
  const roles = useTranslations("roles");
  const common = useTranslations("common");
  const errorsT = useTranslations("errors");
  const [status, setStatus] = useFormStatus();
  const resolver = useIntlResolver(zodResolver(createUserSchema, zodIntlParams) as unknown as Resolver<Values>);
  const form = useForm<Values>({ resolver, defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async () => {
    setStatus(null);
    try {
      const v = form.getValues();
      const res = await onSubmit({ ...v, discipline: v.discipline as CreateUserInput["discipline"] });
      if (res.ok) {
        setStatus({ tone: "success", text: t("created", { name: v.name }) });
        form.reset(EMPTY);
      } else {
        for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) form.setError(field as keyof Values, { message: messages[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: errorsT("offlineNotSaved") });
    }
  });
  const text = (name: "name" | "email" | "title" | "initialPassword", label: string, type = "text") => (
    <div className="space-y-2">
      <Label htmlFor={`new-${name}`}>{label}</Label>
      <Input id={`new-${name}`} type={type} autoComplete="off" aria-invalid={errors[name] ? true : undefined} aria-describedby={`new-${name}-error`} {...form.register(name)} />
      <FieldError id={`new-${name}-error`} message={errors[name]?.message} />
    </div>
  );
  return (
    <ClientForm onSubmit={submit} className="space-y-4" aria-label={t("label")}>
      <div className="grid gap-4 md:grid-cols-2">
        {text("name", t("name"))}
        {text("email", t("email"), "email")}
        <div className="space-y-2">
          <Label htmlFor="new-role">{t("role")}</Label>
          <Select id="new-role" {...form.register("role")}>
            <option value="assistant">{roles("assistant")}</option>
            <option value="therapist">{roles("therapist")}</option>
            <option value="admin">{roles("admin")}</option>
          </Select>
        </div>
        <div className="space-y-2">
          <Label htmlFor="new-discipline">{t("discipline")}</Label>
          <Select id="new-discipline" aria-invalid={errors.discipline ? true : undefined} aria-describedby="new-discipline-error" {...form.register("discipline")}>
            <option value="">{common("none")}</option>
            <option value="PT">PT</option>
            <option value="OT">OT</option>
            <option value="SLP">SLP</option>
            <option value="RT">RT</option>
          </Select>
          <FieldError id="new-discipline-error" message={errors.discipline?.message} />
        </div>
        {text("title", t("title"))}
        {text("initialPassword", t("initialPassword"), "password")}
      </div>
      <FormMessage status={status} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? t("creating") : t("create")}
      </Button>
    </ClientForm>
  );
}
