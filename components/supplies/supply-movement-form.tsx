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
import { supplyMovementSchema, type SupplyMovementInput } from "@/lib/supplies/schemas";

type Values = { id: string; supplyId: string; kind: "use" | "restock"; quantity: string; note: string };

/** Record use or restock of one supply. The movement id is made here, once per intended movement,
 * so a retried or double-tapped submit is recorded once. */
export function SupplyMovementForm({
  supply,
  onSubmit,
}: {
  supply: { id: string; name: string; unit: string };
  onSubmit: (i: SupplyMovementInput) => Promise<ActionResult<{ onHand: number; low?: boolean }>>;
}) {
  const router = useRouter();
  const [status, setStatus] = useState<FormStatus>(null);
  const form = useForm<Values>({
    resolver: zodResolver(supplyMovementSchema) as never,
    defaultValues: { id: crypto.randomUUID(), supplyId: supply.id, kind: "use", quantity: "1", note: "" },
  });
  const p = `mv-${supply.id}`;
  const submit = form.handleSubmit(async () => {
    setStatus(null);
    try {
      const values = form.getValues();
      const res = await onSubmit(values);
      if (res.ok) {
        setStatus({ tone: "success", text: `${values.kind === "use" ? "Use" : "Restock"} recorded. ${res.data.onHand} ${supply.unit} on hand.` });
        form.reset({ id: crypto.randomUUID(), supplyId: supply.id, kind: "use", quantity: "1", note: "" });
        router.refresh();
      } else {
        if (res.fieldErrors?.quantity) form.setError("quantity", { message: res.fieldErrors.quantity[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      // keep the same movement id: retrying this submit must not record it twice
      setStatus({ tone: "danger", text: "Cannot reach TheraTrack. Nothing was saved; check the Wi-Fi and try again." });
    }
  });
  return (
    <ClientForm onSubmit={submit} className="space-y-2" aria-label={`Record use or restock of ${supply.name}`}>
      <FormMessage status={status} />
      <div className="flex flex-wrap items-end gap-2">
        <div className="w-28 space-y-1">
          <Label htmlFor={`${p}-qty`}>Quantity</Label>
          <Input
            id={`${p}-qty`}
            inputMode="numeric"
            aria-invalid={form.formState.errors.quantity ? true : undefined}
            aria-describedby={`${p}-qty-error`}
            {...form.register("quantity")}
          />
        </div>
        <Button type="submit" disabled={form.formState.isSubmitting} onClick={() => form.setValue("kind", "use")}>
          Record use
        </Button>
        <Button type="submit" variant="secondary" disabled={form.formState.isSubmitting} onClick={() => form.setValue("kind", "restock")}>
          Restock
        </Button>
      </div>
      <FieldError id={`${p}-qty-error`} message={form.formState.errors.quantity?.message} />
    </ClientForm>
  );
}
