import { index, jsonb, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { users } from "./users";

export const outboxOutcomeEnum = pgEnum("outbox_outcome", ["pending", "applied", "conflict", "refused"]);

/**
 * The outbox ledger: every mutation a tablet sent through POST /api/outbox, by its client-made id.
 * The row is claimed ("pending") and completed with the verb's answer in the same transaction as the
 * verb's own writes, so a replay finds it and answers exactly as the first time, and a mutation that
 * failed transiently leaves no row at all (it is retried).
 */
export const outboxMutations = pgTable(
  "outbox_mutations",
  {
    id: uuid("id").primaryKey(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind").notNull(),
    outcome: outboxOutcomeEnum("outcome").notNull().default("pending"),
    /** { code?, message?, fieldErrors?, data? } as answered the first time */
    answer: jsonb("answer").$type<Record<string, unknown>>().notNull().default({}),
    /** when the aide made the change on the tablet (as the tablet says) */
    clientCreatedAt: timestamp("client_created_at", { withTimezone: true }),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [index("outbox_mutations_clinic_idx").on(t.clinicId, t.receivedAt), index("outbox_mutations_actor_idx").on(t.actorId, t.receivedAt)],
);

export type OutboxMutationRow = typeof outboxMutations.$inferSelect;
