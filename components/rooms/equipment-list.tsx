"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useIntlResolver, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { FieldError, FormMessage } from "@/components/forms/form-message";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/action-result";
import { EQUIPMENT_STATUSES, equipmentStatusSchema, type EquipmentStatusInput } from "@/lib/rooms/schemas";
import { formatDay } from "@/lib/time";
import { useFormStatus } from "@/components/forms/use-form-status";

type Item = { id: string; name: string; status: (typeof EQUIPMENT_STATUSES)[number]; statusNote: string | null; nextMaintenanceOn: string | null; version: number };
type Save = (i: EquipmentStatusInput) => Promise<ActionResult<{ version: number }>>;

const TONE = { ok: "success", needs_service: "warning", out_of_service: "danger" } as const;

export function EquipmentList({ items, today, canUpdate, onSave }: { items: Item[]; today: string; canUpdate: boolean; onSave: Save }) {
  const t = useTranslations("roomForms");
  if (!items.length) return <p className="mt-2 text-muted-foreground">{t("noEquipment")}</p>;
  return (
    <ul className="mt-3 divide-y divide-border" aria-label={t("equipmentList")}>
      {items.map((e) => (
        <EquipmentRow key={e.id} item={e} today={today} canUpdate={canUpdate} onSave={onSave} />
      ))}
    </ul>
  );
}

type Values = { equipmentId: string; status: string; statusNote: string; nextMaintenanceOn: string; version: number };

function EquipmentRow({ item, today, canUpdate, onSave }: { item: Item; today: string; canUpdate: boolean; onSave: Save }) {
  const t = useTranslations("roomForms");
  const labels = useTranslations("equipmentStatus");
  const locale = useLocale();
  const hydrated = useHydrated();
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useFormStatus();
  const resolver = useIntlResolver<Values, unknown, Values>(zodResolver(equipmentStatusSchema, zodIntlParams) as never);
  const form = useForm<Values>({
    resolver,
    values: { equipmentId: item.id, status: item.status, statusNote: item.statusNote ?? "", nextMaintenanceOn: item.nextMaintenanceOn ?? "", version: item.version },
  });
  const due = item.nextMaintenanceOn;
  const submit = form.handleSubmit(async () => {
    setStatus(null);
    try {
      const res = await onSave(form.getValues() as EquipmentStatusInput);
      if (res.ok) setEditing(false);
      else {
        for (const [f, m] of Object.entries(res.fieldErrors ?? {})) form.setError(f as keyof Values, { message: m[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: t("offline") });
    }
  });
  const p = `eq-${item.id}`;
  return (
    <li className="space-y-2 py-3">
      <div className="flex flex-wrap items-center gap-3">
        <span className="flex-1 text-lg font-semibold">{item.name}</span>
        <Badge tone={TONE[item.status]}>{labels(item.status)}</Badge>
        {canUpdate && !editing ? (
          <Button variant="secondary" disabled={!hydrated} aria-label={t("changeStatusOf", { name: item.name })} onClick={() => setEditing(true)}>
            {t("change")}
          </Button>
        ) : null}
      </div>
      {item.statusNote ? <p className="text-muted-foreground">{item.statusNote}</p> : null}
      <p className={due && due < today ? "font-semibold text-danger" : "text-muted-foreground"}>
        {due ? `${t("nextMaintenanceOn", { day: formatDay(due, locale) })}${due < today ? ` ${t("overdue")}` : ""}` : t("noMaintenance")}
      </p>
      {editing ? (
        <ClientForm onSubmit={submit} className="space-y-3 rounded-lg bg-muted p-3" aria-label={t("statusOf", { name: item.name })}>
          <FormMessage status={status} />
          <div className="space-y-1">
            <Label htmlFor={`${p}-status`}>{t("status")}</Label>
            <select id={`${p}-status`} className="block min-h-12 w-full rounded-lg border border-border bg-surface px-3 text-base" {...form.register("status")}>
              {EQUIPMENT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {labels(s)}
                </option>
              ))}
            </select>
          </div>
          <div className="space-y-1">
            <Label htmlFor={`${p}-note`}>{t("statusNote")}</Label>
            <Input id={`${p}-note`} aria-describedby={`${p}-note-error`} {...form.register("statusNote")} />
            <FieldError id={`${p}-note-error`} message={form.formState.errors.statusNote?.message} />
          </div>
          <div className="space-y-1">
            <Label htmlFor={`${p}-due`}>{t("nextMaintenance")}</Label>
            <Input id={`${p}-due`} type="date" aria-describedby={`${p}-due-error`} {...form.register("nextMaintenanceOn")} />
            <FieldError id={`${p}-due-error`} message={form.formState.errors.nextMaintenanceOn?.message} />
          </div>
          <div className="flex gap-2">
            <Button type="submit" disabled={form.formState.isSubmitting}>
              {t("save")}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setEditing(false)}>
              {t("cancel")}
            </Button>
          </div>
        </ClientForm>
      ) : null}
    </li>
  );
}
