"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import type { FormStatus } from "@/components/forms/form-message";
import { FieldError } from "@/components/forms/form-message";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import type { ViewPrepItem } from "@/lib/offline/view";
import { formatClinicTime } from "@/lib/time";
import { useOffline } from "./offline-provider";

/** One checklist item: tick (or mark failed when linked to equipment), undo, and its note. */
export function PrepItemRow({ item, editable, timeZone, onMessage }: { item: ViewPrepItem; editable: boolean; timeZone: string; onMessage: (s: FormStatus) => void }) {
  const { write } = useOffline();
  const t = useTranslations("tablet.rooms");
  const it = useTranslations("tablet.rooms.item");
  const locale = useLocale();
  const inputId = `item-${item.id}`;
  async function tick(checked: boolean) {
    onMessage(null);
    if (checked) await write("room_prep.check_item", { itemId: item.id, result: "ok" }, { label: it("tickLabel", { label: item.label }) });
    else await write("room_prep.uncheck_item", { itemId: item.id }, { label: it("untickLabel", { label: item.label }) });
  }
  async function fail() {
    await write("room_prep.check_item", { itemId: item.id, result: "failed" }, { label: it("failLabel", { label: item.label }) });
    onMessage({ tone: "success", text: it("failedDone") });
  }
  return (
    <>
      <div className="flex flex-wrap items-center gap-3">
        <label htmlFor={inputId} className="flex min-h-12 flex-1 cursor-pointer items-center gap-3">
          <input
            id={inputId}
            type="checkbox"
            className="h-7 w-7 shrink-0 accent-primary"
            checked={item.result !== null}
            disabled={!editable}
            onChange={(e) => void tick(e.target.checked)}
          />
          <span className={item.result === "ok" ? "text-lg text-muted-foreground line-through" : "text-lg"}>{item.label}</span>
        </label>
        {item.required ? null : <Badge>{it("optional")}</Badge>}
        {item.result === "failed" ? <Badge tone="danger">{it("failedBadge")}</Badge> : null}
        {item.pending === "waiting" ? <Badge tone="warning">{t("waiting")}</Badge> : null}
        {item.equipmentId && item.result === null && editable ? (
          <Button variant="secondary" aria-label={it("markFailedLabel", { label: item.label })} onClick={() => void fail()}>
            {it("markFailed")}
          </Button>
        ) : null}
      </div>
      {item.checkedAt ? (
        <p className="pl-10 text-muted-foreground">{it(item.result === "failed" ? "failedBy" : "checkedBy", { name: item.checkedByName ?? t("someone"), time: formatClinicTime(new Date(item.checkedAt), timeZone, locale) })}</p>
      ) : null}
      <ItemNote item={item} editable={editable} />
    </>
  );
}

function ItemNote({ item, editable }: { item: ViewPrepItem; editable: boolean }) {
  const { write, api } = useOffline();
  const it = useTranslations("tablet.rooms.item");
  const [open, setOpen] = useState(false);
  const [value, setValue] = useState(item.note ?? "");
  const [error, setError] = useState<string | null>(null);
  const fieldId = `note-${item.id}`;

  async function save(e: FormEvent) {
    e.preventDefault();
    const note = value.trim();
    if (note.length > 500) return setError(it("tooLong"));
    setError(null);
    // a tick or an earlier note still on its way: the server takes the version that write produces
    const basedOn = api ? api.basedOnForItem(await api.listEntries(), item.id) : undefined;
    await write("room_prep.set_note", { itemId: item.id, note, version: item.version }, { label: it("noteLabel", { label: item.label }) }, basedOn);
    setOpen(false);
  }

  if (!open) {
    return (
      <div className="flex flex-wrap items-center gap-3 pl-10">
        {item.note ? <p className="italic">{it("note", { note: item.note })}</p> : null}
        {editable ? (
          <Button
            variant="ghost"
            aria-label={it(item.note ? "editNoteLabel" : "addNoteLabel", { label: item.label })}
            onClick={() => {
              setValue(item.note ?? "");
              setOpen(true);
            }}
          >
            {item.note ? it("editNote") : it("addNote")}
          </Button>
        ) : null}
      </div>
    );
  }
  return (
    <form onSubmit={(e) => void save(e)} className="space-y-2 pl-10" aria-label={it("noteForm", { label: item.label })} noValidate>
      <Label htmlFor={fieldId}>{it("noteFor", { label: item.label })}</Label>
      <Input id={fieldId} value={value} onChange={(e) => setValue(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={`${fieldId}-error`} autoFocus />
      <FieldError id={`${fieldId}-error`} message={error ?? undefined} />
      <div className="flex gap-2">
        <Button type="submit">{it("save")}</Button>
        <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
          {it("cancel")}
        </Button>
      </div>
    </form>
  );
}
