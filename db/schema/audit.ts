import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";

/** Append-only: a trigger (migration 0001) rejects UPDATE, DELETE and TRUNCATE. No foreign keys on actor or
 * patient, so the trail outlives anything it mentions and never blocks a write it records. */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    clinicId: uuid("clinic_id").references(() => clinics.id),
    actorId: uuid("actor_id"),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id"),
    patientId: uuid("patient_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    detail: jsonb("detail").$type<Record<string, unknown>>().notNull().default({}),
    /** Tamper evidence (migration 0005): position in its clinic's chain, and sha256 over the previous
     * event's hash and this row's content, both set by a trigger on insert. */
    chainSeq: bigint("chain_seq", { mode: "number" }),
    prevHash: text("prev_hash"),
    hash: text("hash"),
  },
  (t) => [
    index("audit_events_clinic_at_idx").on(t.clinicId, t.at),
    index("audit_events_actor_at_idx").on(t.actorId, t.at),
    // the audit log pages newest first by id: (x, id) reads one page of a clinic, person or patient, not
    // their whole history (lib/audit-log/queries.ts)
    index("audit_events_clinic_id_idx").on(t.clinicId, t.id),
    index("audit_events_actor_id_idx").on(t.actorId, t.id),
    index("audit_events_patient_id_idx").on(t.patientId, t.id),
    index("audit_events_action_at_idx").on(t.action, t.at),
    // the filter's list of a clinic's action names, read with a loose index scan (lib/audit-log/queries.ts)
    index("audit_events_clinic_action_idx").on(t.clinicId, t.action),
    index("audit_events_chain_idx").on(t.clinicId, t.chainSeq),
  ],
);

export type AuditEvent = typeof auditEvents.$inferSelect;
