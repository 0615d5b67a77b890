import "server-only";
import { and, desc, eq, gte, like, lt, sql, type SQL } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import { auditEvents, patients, users } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import type { Cell } from "@/lib/export/csv";
import { translatorFor } from "@/lib/i18n/translate";
import { parseExportFormat, renderExport, type Column, type ExportFile, type ExportTable } from "@/lib/export/table";
import { addDays, zonedToUtc } from "@/lib/time";
import type { AuditFilter } from "./schemas";

export async function recentAuditEvents(actor: Actor, limit = 50) {
  assertCan(actor, "audit:read");
  return getDb()
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      patientId: auditEvents.patientId,
      ip: auditEvents.ip,
      actorName: users.name,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .where(eq(auditEvents.clinicId, actor.clinicId))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(Math.min(limit, 200));
}

function where(actor: Actor, f: AuditFilter): SQL {
  const tz = actor.clinic.timeZone;
  return and(
    eq(auditEvents.clinicId, actor.clinicId),
    f.userId ? eq(auditEvents.actorId, f.userId) : undefined,
    f.patientId ? eq(auditEvents.patientId, f.patientId) : undefined,
    f.action ? like(auditEvents.action, `${f.action.replace(/_/g, "\\_")}%`) : undefined,
    f.from ? gte(auditEvents.at, zonedToUtc(f.from, "00:00", tz)) : undefined,
    f.to ? lt(auditEvents.at, zonedToUtc(addDays(f.to, 1), "00:00", tz)) : undefined,
    f.before ? lt(auditEvents.id, f.before) : undefined,
  )!;
}

function select() {
  return getDb()
    .select({
      id: auditEvents.id,
      at: auditEvents.at,
      action: auditEvents.action,
      entity: auditEvents.entity,
      entityId: auditEvents.entityId,
      patientId: auditEvents.patientId,
      patientMrn: patients.mrn,
      ip: auditEvents.ip,
      userAgent: auditEvents.userAgent,
      actorId: auditEvents.actorId,
      actorName: users.name,
      detail: auditEvents.detail,
    })
    .from(auditEvents)
    .leftJoin(users, eq(users.id, auditEvents.actorId))
    .leftJoin(patients, eq(patients.id, auditEvents.patientId));
}

export type AuditRow = Awaited<ReturnType<typeof searchAuditEvents>>["rows"][number];

/** One page of the clinic's audit trail, newest first (keyset on id). Reading the trail is itself audited. */
export async function searchAuditEvents(actor: Actor, f: AuditFilter, limit = 100) {
  assertCan(actor, "audit:read");
  const rows = await select()
    .where(where(actor, f))
    .orderBy(desc(auditEvents.id))
    .limit(limit + 1);
  await audit(getDb(), actor, { action: "audit.view", entity: "audit_log", detail: { filter: { ...f } } });
  const page = rows.slice(0, limit);
  return { rows: page, nextBefore: rows.length > limit ? (page[page.length - 1]?.id ?? null) : null };
}

const MAX_EXPORT = 50_000;

const COLUMNS: (Omit<Column, "header"> & { key: string })[] = [
  { key: "id", type: "number" },
  { key: "atUtc", type: "datetime" },
  ...["actorId", "actorName", "action", "entity", "entityId", "patientId", "patientMrn", "ip", "userAgent", "detail"].map((key) => ({ key })),
];

const BATCH = 2_000;

/** The filtered trail newest first in keyset pages (id below the last one), at most MAX_EXPORT rows. */
async function* exportBatches(actor: Actor, f: AuditFilter, seen: { rows: number; truncated: boolean }): AsyncGenerator<Cell[][]> {
  let before: number | undefined;
  for (;;) {
    const want = Math.min(BATCH, MAX_EXPORT - seen.rows);
    const page = await select()
      .where(where(actor, { ...f, before }))
      .orderBy(desc(auditEvents.id))
      .limit(want + 1);
    const rows = page.slice(0, want);
    seen.rows += rows.length;
    if (rows.length) yield rows.map((r) => [r.id, r.at, r.actorId, r.actorName, r.action, r.entity, r.entityId, r.patientId, r.patientMrn, r.ip, r.userAgent, JSON.stringify(r.detail)]);
    if (page.length <= want) return;
    if (seen.rows >= MAX_EXPORT) {
      seen.truncated = true;
      return;
    }
    before = rows[rows.length - 1]!.id;
  }
}

/**
 * The filtered trail as CSV or .xlsx (UTC timestamps), at most 50 000 rows, read and written in batches
 * of 2 000; the export is audited (audit.export, with the format). Headers in `locale`; the cells are the
 * trail's own codes (action, entity) and values, as stored.
 */
export async function exportAuditLog(actor: Actor, f: AuditFilter, format?: unknown, locale = "en"): Promise<ExportFile & { truncated: boolean }> {
  assertCan(actor, "audit:read");
  const fmt = parseExportFormat(format);
  const t = translatorFor(locale);
  const seen = { rows: 0, truncated: false };
  const columns: Column[] = COLUMNS.map(({ key, ...c }) => ({ ...c, header: t(`export.audit.${key}`) }));
  const table: ExportTable = { sheet: t("export.audit.sheet"), columns, rows: exportBatches(actor, { ...f, before: undefined }, seen) };
  const file = await renderExport(table, fmt, `audit-log-${new Date().toISOString().slice(0, 10)}`);
  await audit(getDb(), actor, { action: "audit.export", entity: "audit_log", detail: { filter: { ...f, before: undefined }, rows: file.rows, truncated: seen.truncated, format: fmt } });
  return { ...file, truncated: seen.truncated };
}

/**
 * Distinct action names of the clinic, for the filter's suggestions. A loose index scan over
 * (clinic_id, action): one index probe per distinct name, so it costs the same at 5,000 events or
 * 5,000,000 (SELECT DISTINCT read every event of the clinic).
 */
export async function auditActions(actor: Actor): Promise<string[]> {
  assertCan(actor, "audit:read");
  const rows = await queryRows<{ action: string }>(getDb(), sql`
    with recursive names(action) as (
      (select action from audit_events where clinic_id = ${actor.clinicId} order by action limit 1)
      union all
      select (select e.action from audit_events e where e.clinic_id = ${actor.clinicId} and e.action > names.action order by e.action limit 1)
      from names where names.action is not null
    )
    select action from names where action is not null limit 200`);
  return rows.map((r) => r.action);
}

