import "server-only";
import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import { getDb } from "@/db/client";
import { amendments, appointments, delegations, goalObservations, goals, observations, patients, taskCompletions } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/translate";
import { clinicDate, clinicDayRange } from "@/lib/time";
import { parseExportFormat, renderExport, type Column, type ExportFile, type ExportTable } from "./table";

const COLUMNS: (Omit<Column, "header"> & { key: string })[] = [
  { key: "sessionDate", type: "date" },
  { key: "sessionStartUtc", type: "datetime" },
  { key: "status" },
  { key: "capturedBy" },
  { key: "signedBy" },
  { key: "signedAtUtc", type: "datetime" },
  { key: "attitude", type: "number" },
  { key: "attitudeTags" },
  { key: "goalMeasurements" },
  { key: "tasks" },
  { key: "accomplishments" },
  { key: "comfortAndNeeds" },
  { key: "note" },
  { key: "amendments" },
];

/**
 * A patient's entries (not drafts) for [from, to] as Excel-safe CSV or a typed .xlsx (`format`, from the
 * URL: csv by default). Clinic-scoped; audited as an export (export.entries_csv, with the format).
 * Headers and the labels of codes (status, task types, assist levels, attitude tags, done) in `locale`;
 * dates and numbers stay typed; what people wrote stays as written.
 */
export async function exportPatientEntries(actor: Actor, patientId: string, range: { from: string; to: string }, format?: unknown, locale = "en"): Promise<ExportFile> {
  assertCan(actor, "export:entries");
  const fmt = parseExportFormat(format);
  const t = translatorFor(locale);
  /** The label of a code in `namespace`, or the code itself if the catalog has none (an old value). */
  const label = (namespace: string, code: string) => (t.has(`${namespace}.${code}`) ? t(`${namespace}.${code}`) : code);
  if (!/^[0-9a-f-]{36}$/i.test(patientId)) throw notFound("Patient");
  const db = getDb();
  const [p] = await db
    .select({ id: patients.id, mrn: patients.mrn })
    .from(patients)
    .where(and(eq(patients.id, patientId), eq(patients.clinicId, actor.clinicId)));
  if (!p) throw notFound("Patient");
  const tz = actor.clinic.timeZone;
  const rows = await db
    .select({ o: observations, startsAt: appointments.startsAt })
    .from(observations)
    .innerJoin(appointments, eq(appointments.id, observations.appointmentId))
    .where(
      and(
        eq(observations.patientId, p.id),
        inArray(observations.status, ["submitted", "returned", "signed"]),
        gte(appointments.startsAt, clinicDayRange(range.from, tz).start),
        lt(appointments.startsAt, clinicDayRange(range.to, tz).end),
      ),
    )
    .orderBy(asc(appointments.startsAt))
    .limit(5000);
  const ids = rows.map((r) => r.o.id);
  const [measures, tasks, notes] = ids.length
    ? await Promise.all([
        db
          .select({ observationId: goalObservations.observationId, description: goals.description, unit: goals.unit, value: goalObservations.value, assistLevel: goalObservations.assistLevel })
          .from(goalObservations)
          .innerJoin(goals, eq(goals.id, goalObservations.goalId))
          .where(inArray(goalObservations.observationId, ids)),
        db
          .select({ observationId: taskCompletions.observationId, taskType: delegations.taskType, done: taskCompletions.done })
          .from(taskCompletions)
          .innerJoin(delegations, eq(delegations.id, taskCompletions.delegationId))
          .where(inArray(taskCompletions.observationId, ids)),
        db.select().from(amendments).where(inArray(amendments.observationId, ids)).orderBy(asc(amendments.at)),
      ])
    : [[], [], []];
  const by = <T extends { observationId: string }>(xs: T[], id: string) => xs.filter((x) => x.observationId === id);
  const table: ExportTable = {
    sheet: t("export.entries.sheet"),
    columns: COLUMNS.map(({ key, ...c }) => ({ ...c, header: t(`export.entries.${key}`) })),
    rows: rows.map(({ o, startsAt }) => [
      clinicDate(startsAt, tz),
      startsAt,
      label("entryStatus", o.status),
      o.capturedByLabel,
      o.signedByLabel,
      o.signedAt,
      o.attitude,
      o.attitudeTags.map((tag) => label("tablet.observation.attitudeTags", tag)).join("; "),
      by(measures, o.id).map((m) => `${m.description}: ${m.value ?? ""} ${m.unit}${m.assistLevel ? ` (${label("assistLevels", m.assistLevel)})` : ""}`).join("; "),
      by(tasks, o.id).map((k) => `${label("taskTypes", k.taskType)}: ${k.done ? t("export.entries.done") : t("export.entries.notDone")}`).join("; "),
      o.accomplishments,
      o.comfortAndNeeds,
      o.note,
      by(notes, o.id).map((a) => `${a.at.toISOString()} ${a.authorLabel} (${a.reason}): ${a.text}`).join(" | "),
    ]),
  };
  const file = await renderExport(table, fmt, `entries-${p.mrn}-${range.from}-to-${range.to}`);
  await audit(db, actor, { action: "export.entries_csv", entity: "patient", entityId: p.id, patientId: p.id, detail: { ...range, rows: rows.length, format: fmt } });
  return file;
}
