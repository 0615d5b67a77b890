"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm, type Resolver } from "react-hook-form";
import { FieldError, FormMessage, type FormStatus } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import type { ActionResult } from "@/lib/action-result";
import { changeRoleSchema, resetPasswordSchema, type ChangeRoleInput, type ResetPasswordInput } from "@/lib/users/schemas";

function useResult<V extends Record<string, unknown>>(form: { setError: (f: keyof V & string, e: { message?: string }) => void }) {
  const router = useRouter();
  const [status, setStatus] = useState<FormStatus>(null);
  const handle = async (p: () => Promise<ActionResult<unknown>>, done: string) => {
    setStatus(null);
    try {
      const res = await p();
      if (res.ok) {
        setStatus({ tone: "success", text: done });
        router.refresh();
      } else {
        for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) form.setError(field as keyof V & string, { message: messages[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: "Cannot reach TheraTrack. Nothing was saved; try again." });
    }
  };
  return { status, handle };
}

type RoleValues = { userId: string; version: string; role: "admin" | "therapist" | "assistant"; discipline: string };

export function ChangeRoleForm({ defaultValues, onSubmit }: { defaultValues: RoleValues; onSubmit: (i: ChangeRoleInput) => Promise<ActionResult<{ version: number }>> }) {
  const form = useForm<RoleValues>({ resolver: zodResolver(changeRoleSchema) as unknown as Resolver<RoleValues>, defaultValues });
  const { status, handle } = useResult<RoleValues>(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(() => {
    const v = form.getValues();
    return handle(() => onSubmit({ ...v, discipline: v.discipline as ChangeRoleInput["discipline"] }), "Role changed. Their sessions have ended; the new role applies when they sign in again.");
  });
  return (
    <ClientForm onSubmit={submit} className="space-y-4" aria-label="Change role">
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-2">
          <Label htmlFor="role">Role</Label>
          <Select id="role" {...form.register("role")}>
            <option value="assistant">Assistant</option>
            <option value="therapist">Therapist</option>
            <option value="admin">Administrator</option>
          </Select>
        </div>
        <div className="space-y-2">
          <Label htmlFor="discipline">Discipline (therapists)</Label>
          <Select id="discipline" aria-describedby="discipline-error" {...form.register("discipline")}>
            <option value="">None</option>
            <option value="PT">PT</option>
            <option value="OT">OT</option>
            <option value="SLP">SLP</option>
            <option value="RT">RT</option>
          </Select>
          <FieldError id="discipline-error" message={errors.discipline?.message} />
        </div>
      </div>
      <p className="text-muted-foreground">Changing the role signs the person out everywhere and removes their supervision and caseload assignments.</p>
      <FormMessage status={status} />
      <Button type="submit" disabled={isSubmitting}>
        Change role
      </Button>
    </ClientForm>
  );
}

type ResetValues = { userId: string; version: string; temporaryPassword: string };

export function ResetPasswordForm({ defaultValues, onSubmit }: { defaultValues: Omit<ResetValues, "temporaryPassword">; onSubmit: (i: ResetPasswordInput) => Promise<ActionResult<{ version: number }>> }) {
  const form = useForm<ResetValues>({ resolver: zodResolver(resetPasswordSchema) as unknown as Resolver<ResetValues>, defaultValues: { ...defaultValues, temporaryPassword: "" } });
  const { status, handle } = useResult<ResetValues>(form);
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(() =>
    handle(() => onSubmit(form.getValues()), "Password reset. Their sessions have ended; they must choose a new password when they next sign in."),
  );
  return (
    <ClientForm onSubmit={submit} className="space-y-4" aria-label="Reset password">
      <div className="max-w-md space-y-2">
        <Label htmlFor="temporaryPassword">Temporary password (at least 12 characters)</Label>
        <Input id="temporaryPassword" type="password" autoComplete="new-password" aria-invalid={errors.temporaryPassword ? true : undefined} aria-describedby="temporaryPassword-error" {...form.register("temporaryPassword")} />
        <FieldError id="temporaryPassword-error" message={errors.temporaryPassword?.message} />
      </div>
      <FormMessage status={status} />
      <Button type="submit" variant="secondary" disabled={isSubmitting}>
        Reset password
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
  const router = useRouter();
  const [choice, setChoice] = useState("");
  const [status, setStatus] = useState<FormStatus>(null);
  const [busy, setBusy] = useState(false);
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    if (!choice) return setStatus({ tone: "danger", text: `Choose from the list first.` });
    setBusy(true);
    try {
      const res = await onSubmit({ ...base, [choiceField]: choice, assign: true } as unknown as I);
      setStatus(res.ok ? { tone: "success", text: res.data.changed ? "Assigned." : "Already assigned." } : { tone: "danger", text: res.message });
      if (res.ok) {
        setChoice("");
        router.refresh();
      }
    } catch {
      setStatus({ tone: "danger", text: "Cannot reach TheraTrack. Nothing was saved; try again." });
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
            <option value="">Choose…</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </div>
        <Button type="submit" variant="secondary" disabled={busy}>
          Assign
        </Button>
      </div>
      <FormMessage status={status} />
    </ClientForm>
  );
}
