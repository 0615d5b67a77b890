"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { FieldError, FormMessage, type FormStatus } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/action-result";
import { createSupplySchema, type CreateSupplyInput } from "@/lib/supplies/schemas";

type Values = { id: string; name: string; unit: string; onHand: string; reorderLevel: string };
const fresh = (): Values => ({ id: crypto.randomUUID(), name: "", unit: "", onHand: "0", reorderLevel: "0" });

export function AddSupplyForm({ onSubmit }: { onSubmit: (i: CreateSupplyInput) => Promise<ActionResult<{ created: boolean }>> }) {
  const router = useRouter();
  const [status, setStatus] = useState<FormStatus>(null);
  const form = useForm<Values>({ resolver: zodResolver(createSupplySchema) as never, defaultValues: fresh() });
  const { errors, isSubmitting } = form.formState;
  const submit = form.handleSubmit(async () => {
    setStatus(null);
    try {
      const res = await onSubmit(form.getValues());
      if (res.ok) {
        setStatus({ tone: "success", text: `${form.getValues("name")} added.` });
        form.reset(fresh());
        router.refresh();
      } else {
        for (const [f, m] of Object.entries(res.fieldErrors ?? {})) form.setError(f as keyof Values, { message: m[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: "Cannot reach TheraTrack. Nothing was saved; check the Wi-Fi and try again." });
    }
  });
  const field = (name: keyof Values, label: string, numeric = false) => (
    <div className="space-y-1">
      <Label htmlFor={`new-${name}`}>{label}</Label>
      <Input
        id={`new-${name}`}
        inputMode={numeric ? "numeric" : undefined}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={`new-${name}-error`}
        {...form.register(name)}
      />
      <FieldError id={`new-${name}-error`} message={errors[name]?.message} />
    </div>
  );
  return (
    <ClientForm onSubmit={submit} className="space-y-3" aria-label="Add a supply">
      <FormMessage status={status} />
      <div className="grid gap-3 sm:grid-cols-2">
        {field("name", "Name")}
        {field("unit", "Unit (box, roll, each)")}
        {field("onHand", "On hand now", true)}
        {field("reorderLevel", "Reorder at or below", true)}
      </div>
      <Button type="submit" disabled={isSubmitting}>
        Add supply
      </Button>
    </ClientForm>
  );
}
