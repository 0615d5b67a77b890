"use client";

import type { ServerNow } from "@/lib/offline/view";
import { formatClinicTime } from "@/lib/time";
import { useOffline } from "./offline-provider";

// Strings of "what TheraTrack has now", until they move to the `tablet` catalog namespace.
const S = {
  title: "TheraTrack has now:",
  result: { ok: "checked", failed: "marked failed", none: "not checked" },
  item: (label: string, result: string) => `“${label}”: ${result}`,
  by: (name: string, time: string) => ` by ${name} at ${time}`,
  note: (note: string) => `Note: ${note}`,
  prep: { ready: "ready", in_progress: "in progress", not_started: "not started" },
  room: (name: string, status: string) => `${name}: ${status}`,
  open: (labels: string[]) => `Still open: ${labels.map((l) => `“${l}”`).join(", ")}`,
  supply: (name: string, n: number, unit: string) => `${name}: ${n} ${unit} on hand`,
  attendance: { present: "present", late: "late", no_show: "no-show", cancelled: "cancelled", none: "not recorded" },
  attendanceIs: (a: string, byMe: boolean) => `Attendance: ${a}${byMe ? " (recorded by you)" : ""}`,
  at: (time: string) => ` at ${time}`,
  entry: { draft: "draft", submitted: "submitted, awaiting signature", returned: "returned to you", signed: "signed" },
  entryIs: (s: string) => `Entry: ${s}`,
};

/** Beside a conflict or refusal: the record as the server has it now (from the latest pull). */
export function ServerNowLines({ now }: { now: ServerNow | null }) {
  const { view } = useOffline();
  if (!now || !view) return null;
  const t = (iso: string | null) => (iso ? formatClinicTime(new Date(iso), view.clinic.timeZone) : "");
  const lines: string[] = [];
  switch (now.kind) {
    case "prep_item":
      lines.push(S.item(now.label, S.result[now.result ?? "none"]) + (now.checkedAt ? S.by(now.checkedByName ?? "", t(now.checkedAt)) : ""));
      if (now.note) lines.push(S.note(now.note));
      break;
    case "prep":
      lines.push(S.room(now.roomName, S.prep[now.status]) + (now.completedAt ? S.by(now.completedByName ?? "", t(now.completedAt)) : ""));
      if (now.status !== "ready" && now.openRequired.length) lines.push(S.open(now.openRequired));
      break;
    case "supply":
      lines.push(S.supply(now.name, now.onHand, now.unit));
      break;
    case "attendance":
      lines.push(S.attendanceIs(S.attendance[now.attendance ?? "none"], now.byMe) + (now.recordedAt ? S.at(t(now.recordedAt)) : ""));
      break;
    case "observation":
      lines.push(S.entryIs(S.entry[now.status]));
      break;
  }
  return (
    <div data-testid="server-now">
      <p className="font-semibold">{S.title}</p>
      <ul className="list-disc pl-6">
        {lines.map((l, i) => (
          <li key={i}>{l}</li>
        ))}
      </ul>
    </div>
  );
}
