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
import { createUserSchema, type CreateUserInput } from "@/lib/users/schemas";

type Values = { name: string; email: string; role: "admin" | "therapist" | "assistant"; title: string; discipline: string; initialPassword: string };
const EMPTY: Values = { name: "", email: "", role: "assistant", title: "", discipline: "", initialPassword: "" };

export function CreateUserForm({ onSubmit }: { onSubmit: (input: CreateUserInput) => Promise<ActionResult<{ id: string }>> }) {
  const router = useRouter();
  const [status, setStatus] = useState<FormStatus>(null);
  const form = useForm<Values>({ resolver: zodResolver(createUserSchema) as unknown as Resolver<Values>, defaultValues: EMPTY });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async () => {
    setStatus(null);
    try {
      const v = form.getValues();
      const res = await onSubmit({ ...v, discipline: v.discipline as CreateUserInput["discipline"] });
      if (res.ok) {
        setStatus({ tone: "success", text: `Account created for ${v.name}. Give them the initial password in person; they must change it when they first sign in.` });
        form.reset(EMPTY);
        router.refresh();
      } else {
        for (const [field, messages] of Object.entries(res.fieldErrors ?? {})) form.setError(field as keyof Values, { message: messages[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: "Cannot reach TheraTrack. Nothing was saved; check the connection and try again." });
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
    <ClientForm onSubmit={submit} className="space-y-4" aria-label="Add a person">
      <div className="grid gap-4 md:grid-cols-2">
        {text("name", "Name")}
        {text("email", "Email (their sign-in name)", "email")}
        <div className="space-y-2">
          <Label htmlFor="new-role">Role</Label>
          <Select id="new-role" {...form.register("role")}>
            <option value="assistant">Assistant</option>
            <option value="therapist">Therapist</option>
            <option value="admin">Administrator</option>
          </Select>
        </div>
        <div className="space-y-2">
          <Label htmlFor="new-discipline">Discipline (therapists)</Label>
          <Select id="new-discipline" aria-invalid={errors.discipline ? true : undefined} aria-describedby="new-discipline-error" {...form.register("discipline")}>
            <option value="">None</option>
            <option value="PT">PT</option>
            <option value="OT">OT</option>
            <option value="SLP">SLP</option>
            <option value="RT">RT</option>
          </Select>
          <FieldError id="new-discipline-error" message={errors.discipline?.message} />
        </div>
        {text("title", "Title (e.g. OTR/L, Rehabilitation Aide)")}
        {text("initialPassword", "Initial password (at least 12 characters)", "password")}
      </div>
      <FormMessage status={status} />
      <Button type="submit" disabled={isSubmitting}>
        {isSubmitting ? "Creating…" : "Create account"}
      </Button>
    </ClientForm>
  );
}
