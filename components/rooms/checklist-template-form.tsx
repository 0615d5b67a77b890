"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useFieldArray, useForm, useWatch } from "react-hook-form";
import { ArrowDown, ArrowUp, Trash2 } from "lucide-react";
import { useIntlResolver, zodIntlParams } from "@/components/forms/use-intl-resolver";
import { FieldError, FormMessage } from "@/components/forms/form-message";
import { Button } from "@/components/ui/button";
import { ClientForm } from "@/components/ui/client-form";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ActionResult } from "@/lib/action-result";
import {
  createChecklistTemplateSchema,
  ROOM_KINDS,
  type ChecklistTemplateInput,
  type ChecklistTemplateUpdateInput,
} from "@/lib/rooms/schemas";
import { useFormStatus } from "@/components/forms/use-form-status";

type Room = { id: string; name: string; kind: string; equipment: { id: string; name: string }[] };
type Item = { label: string; required: boolean; equipmentId: string };
type Values = { id: string; name: string; appliesTo: string; items: Item[] };
type Existing = { templateId: string; version: number; name: string; appliesTo: string; items: Item[] };

const SELECT = "block min-h-12 w-full rounded-lg border border-border bg-surface px-3 text-base";

export function ChecklistTemplateForm({
  rooms,
  existing,
  onCreate,
  onUpdate,
}: {
  rooms: Room[];
  existing?: Existing;
  onCreate: (i: ChecklistTemplateInput) => Promise<ActionResult<{ templateId: string }>>;
  onUpdate: (i: ChecklistTemplateUpdateInput) => Promise<ActionResult<{ version: number }>>;
}) {
  const router = useRouter();
  const t = useTranslations("roomForms");
  const kinds = useTranslations("roomKinds");
  const locale = useLocale();
  const common = useTranslations("common");
  const [status, setStatus] = useFormStatus();
  const [version, setVersion] = useState(existing?.version ?? 0);
  const resolver = useIntlResolver<Values, unknown, Values>(zodResolver(createChecklistTemplateSchema, zodIntlParams) as never);
  const form = useForm<Values>({
    resolver,
    defaultValues: {
      id: existing?.templateId ?? crypto.randomUUID(),
      name: existing?.name ?? "",
      appliesTo: existing?.appliesTo ?? "kind:gym",
      items: existing?.items ?? [{ label: "", required: true, equipmentId: "" }],
    },
  });
  const items = useFieldArray({ control: form.control, name: "items" });
  const { errors, isSubmitting } = form.formState;
  const appliesTo = useWatch({ control: form.control, name: "appliesTo" });
  const equipmentChoices = rooms
    .filter((r) => (appliesTo.startsWith("room:") ? `room:${r.id}` === appliesTo : `kind:${r.kind}` === appliesTo))
    .flatMap((r) => r.equipment.map((e) => ({ id: e.id, name: `${e.name} (${r.name})` })));

  const submit = form.handleSubmit(async () => {
    setStatus(null);
    const v = form.getValues();
    try {
      const res = existing
        ? await onUpdate({ templateId: existing.templateId, name: v.name, appliesTo: v.appliesTo, items: v.items, version })
        : await onCreate(v);
      if (res.ok) {
        if (existing && "version" in res.data) setVersion(res.data.version);
        setStatus({ tone: "success", text: t("checklistSaved") });
        // a new checklist goes on to the list; a saved one stays, re-rendered by the action's response
        if (!existing) router.push("/rooms/checklists");
      } else {
        for (const [f, m] of Object.entries(res.fieldErrors ?? {})) form.setError(f as "name", { message: m[0] });
        setStatus({ tone: "danger", text: res.message });
      }
    } catch {
      setStatus({ tone: "danger", text: t("offline") });
    }
  });

  return (
    <ClientForm onSubmit={submit} className="space-y-5" aria-label={t("checklist")}>
      <FormMessage status={status} />
      <div className="space-y-1">
        <Label htmlFor="tpl-name">{t("name")}</Label>
        <Input id="tpl-name" aria-invalid={errors.name ? true : undefined} aria-describedby="tpl-name-error" {...form.register("name")} />
        <FieldError id="tpl-name-error" message={errors.name?.message} />
      </div>
      <div className="space-y-1">
        <Label htmlFor="tpl-applies">{t("appliesTo")}</Label>
        <select id="tpl-applies" className={SELECT} aria-describedby="tpl-applies-error" {...form.register("appliesTo")}>
          <optgroup label={t("everyKind")}>
            {ROOM_KINDS.map((k) => (
              <option key={k} value={`kind:${k}`}>
                {t("kindOption", { kind: kinds(k).toLocaleLowerCase(locale) })}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("oneRoom")}>
            {rooms.map((r) => (
              <option key={r.id} value={`room:${r.id}`}>
                {r.name}
              </option>
            ))}
          </optgroup>
        </select>
        <FieldError id="tpl-applies-error" message={errors.appliesTo?.message} />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-lg font-semibold">{t("itemsInOrder")}</legend>
        <FieldError id="tpl-items-error" message={errors.items?.message ?? errors.items?.root?.message} />
        <ol className="space-y-3">
          {items.fields.map((f, i) => (
            <li key={f.id} className="space-y-2 rounded-lg border border-border p-3">
              <div className="space-y-1">
                <Label htmlFor={`item-${i}-label`}>{t("item", { number: i + 1 })}</Label>
                <Input
                  id={`item-${i}-label`}
                  aria-invalid={errors.items?.[i]?.label ? true : undefined}
                  aria-describedby={`item-${i}-error`}
                  {...form.register(`items.${i}.label`)}
                />
                <FieldError id={`item-${i}-error`} message={errors.items?.[i]?.label?.message} />
              </div>
              <div className="flex flex-wrap items-end gap-3">
                <label className="flex min-h-11 items-center gap-2 font-semibold">
                  <input type="checkbox" className="h-6 w-6 accent-primary" {...form.register(`items.${i}.required`)} /> {t("required")}
                  <span className="sr-only">{t("itemSuffix", { number: i + 1 })}</span>
                </label>
                <div className="min-w-48 flex-1 space-y-1">
                  <Label htmlFor={`item-${i}-equipment`}>
                    {t("linkedEquipment")}
                    <span className="sr-only">{t("itemSuffix", { number: i + 1 })}</span>
                  </Label>
                  <select id={`item-${i}-equipment`} className={SELECT} {...form.register(`items.${i}.equipmentId`)}>
                    <option value="">{t("none")}</option>
                    {equipmentChoices.map((e) => (
                      <option key={e.id} value={e.id}>
                        {e.name}
                      </option>
                    ))}
                  </select>
                </div>
                <Button type="button" size="icon" variant="secondary" aria-label={t("moveUp", { number: i + 1 })} disabled={i === 0} onClick={() => items.move(i, i - 1)}>
                  <ArrowUp aria-hidden className="h-5 w-5" />
                </Button>
                <Button
                  type="button"
                  size="icon"
                  variant="secondary"
                  aria-label={t("moveDown", { number: i + 1 })}
                  disabled={i === items.fields.length - 1}
                  onClick={() => items.move(i, i + 1)}
                >
                  <ArrowDown aria-hidden className="h-5 w-5" />
                </Button>
                <Button type="button" size="icon" variant="ghost" aria-label={t("remove", { number: i + 1 })} onClick={() => items.remove(i)}>
                  <Trash2 aria-hidden className="h-5 w-5" />
                </Button>
              </div>
            </li>
          ))}
        </ol>
        <Button type="button" variant="secondary" onClick={() => items.append({ label: "", required: true, equipmentId: "" })}>
          {t("addItem")}
        </Button>
      </fieldset>
      <Button type="submit" size="lg" disabled={isSubmitting}>
        {isSubmitting ? common("saving") : t("saveChecklist")}
      </Button>
    </ClientForm>
  );
}
