"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useIntlResolver, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { FieldError, FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/action-result";
import { cn } from "@/lib/utils";
import { useFormStatus } from "@/components/forms/use-form-status";

export type Field = {
  name: string;
  label: string;
  type?: "text" | "password" | "date" | "textarea" | "select" | "number";
  hint?: string;
  options?: { value: string; label: string }[];
  autoComplete?: string;
};
type Values = Record<string, string>;

const control =
  "block w-full rounded-lg border border-border bg-surface px-3 py-2 text-base text-foreground aria-[invalid=true]:border-danger";

/**
 * A small form for one verb: react-hook-form + the verb's own zod schema, field errors from either,
 * the action's message, and "Nothing was saved" when the request itself fails (input kept).
 */
export function VerbForm({
  schema,
  fields,
  hidden = {},
  defaultValues = {},
  onSubmit,
  submitLabel,
  pendingLabel,
  success,
  variant = "primary",
  label,
  resetOnSuccess = false,
  onSuccess,
}: {
  schema: z.ZodType;
  fields: Field[];
  hidden?: Values;
  defaultValues?: Values;
  onSubmit: (input: Values) => Promise<ActionResult<unknown>>;
  submitLabel: string;
  pendingLabel?: string;
  success: string;
  variant?: "primary" | "secondary" | "danger";
  label: string;
  resetOnSuccess?: boolean;
  onSuccess?: (data: unknown) => void;
}) {
  const uid = useId();
  const common = useTranslations("common");
  const errorsT = useTranslations("errors");
  const [status, setStatus] = useFormStatus();
  const initial = { ...Object.fromEntries(fields.map((f) => [f.name, f.options?.[0]?.value ?? ""])), ...defaultValues, ...hidden };
  const resolver = useIntlResolver<Values, unknown, Values>(zodResolver(schema as never, zodIntlParams) as never);
  const form = useForm<Values>({ resolver, defaultValues: initial });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async () => {
    setStatus(null);
    try {
      const res = await onSubmit({ ...form.getValues(), ...hidden });
      if (res.ok) {
        setStatus({ tone: "success", text: success });
        onSuccess?.(res.data);
        if (resetOnSuccess) form.reset(initial);
        else for (const f of fields) if (f.type === "password") form.setValue(f.name, "");
      } else {
        for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) {
          if (fields.some((f) => f.name === field)) form.setError(field, { message: messages[0] });
        }
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: errorsT("offlineNotSaved") });
    }
  });

  return (
    <ClientForm onSubmit={submit} className="space-y-4" aria-label={label}>
      <FormMessage status={status} />
      {fields.map((f) => {
        const id = `${uid}-${f.name}`;
        const err = errors[f.name]?.message;
        const a11y = {
          id,
          "aria-invalid": err ? true : undefined,
          "aria-describedby": [f.hint ? `${id}-hint` : "", err ? `${id}-error` : ""].filter(Boolean).join(" ") || undefined,
        };
        return (
          <div key={f.name} className="space-y-2">
            <Label htmlFor={id}>{f.label}</Label>
            {f.type === "textarea" ? (
              <textarea rows={3} className={cn(control, "min-h-24")} {...a11y} {...form.register(f.name)} />
            ) : f.type === "select" ? (
              <select className={cn(control, "min-h-12")} {...a11y} {...form.register(f.name)}>
                {f.options?.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            ) : (
              <Input
                type={f.type === "number" ? "text" : (f.type ?? "text")}
                inputMode={f.type === "number" ? "decimal" : undefined}
                autoComplete={f.autoComplete}
                {...a11y}
                {...form.register(f.name)}
              />
            )}
            {f.hint ? (
              <p id={`${id}-hint`} className="text-muted-foreground">
                {f.hint}
              </p>
            ) : null}
            <FieldError id={`${id}-error`} message={typeof err === "string" ? err : undefined} />
          </div>
        );
      })}
      <Button type="submit" variant={variant} disabled={isSubmitting}>
        {isSubmitting ? (pendingLabel ?? common("saving")) : submitLabel}
      </Button>
    </ClientForm>
  );
}
