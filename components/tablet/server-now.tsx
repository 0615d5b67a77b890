"use client";

import { useLocale, useTranslations } from "next-intl";
import type { ServerNow } from "@/lib/offline/view";
import { formatClinicTime } from "@/lib/time";
import { useOffline } from "./offline-provider";

/** Beside a conflict or refusal: the record as the server has it now (from the latest pull). */
export function ServerNowLines({ now }: { now: ServerNow | null }) {
  const { view } = useOffline();
  const t = useTranslations("tablet.serverNow");
  const locale = useLocale();
  if (!now || !view) return null;
  const at = (iso: string) => formatClinicTime(new Date(iso), view.clinic.timeZone, locale);
  const lines: string[] = [];
  switch (now.kind) {
    case "prep_item":
      lines.push(t("item", { label: now.label, result: t(`result.${now.result ?? "none"}`) }) + (now.checkedAt ? t("by", { name: now.checkedByName ?? "", time: at(now.checkedAt) }) : ""));
      if (now.note) lines.push(t("note", { note: now.note }));
      break;
    case "prep":
      lines.push(t("room", { name: now.roomName, status: t(`prep.${now.status}`) }) + (now.completedAt ? t("by", { name: now.completedByName ?? "", time: at(now.completedAt) }) : ""));
      if (now.status !== "ready" && now.openRequired.length) lines.push(t("open", { list: now.openRequired.map((l) => `“${l}”`).join(", ") }));
      break;
    case "supply":
      lines.push(t("supply", { name: now.name, count: now.onHand, unit: now.unit }));
      break;
    case "attendance":
      lines.push(t(now.byMe ? "attendanceMine" : "attendanceIs", { attendance: t(`attendance.${now.attendance ?? "none"}`) }) + (now.recordedAt ? t("at", { time: at(now.recordedAt) }) : ""));
      break;
    case "observation":
      lines.push(t("entryIs", { status: t(`entry.${now.status}`) }));
      break;
  }
  return (
    <div data-testid="server-now">
      <p className="font-semibold">{t("title")}</p>
      <ul className="list-disc pl-6">
        {lines.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
    </div>
  );
}
