import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { clinics } from "./clinics";
import { users } from "./users";

/** One public key of a client's JWKS (RSA for RS384, EC P-384 for ES384). */
export type ClientJwk = { kty: string; kid?: string; alg?: string; use?: string; n?: string; e?: string; crv?: string; x?: string; y?: string };

/**
 * A system client (an EMR's interface engine) registered by an admin for SMART Backend Services: it
 * proves itself with a JWT signed by a key of its JWKS and reads only its clinic, within its scopes.
 */
export const fhirClients = pgTable(
  "fhir_clients",
  {
    /** the OAuth client_id (the assertion's iss and sub) */
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    name: text("name").notNull(),
    jwks: jsonb("jwks").$type<{ keys: ClientJwk[] }>().notNull(),
    /** granted SMART scopes, e.g. "system/*.read", "system/Patient.read" */
    scopes: text("scopes").array().notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("fhir_clients_clinic_idx").on(t.clinicId), index("fhir_clients_created_by_idx").on(t.createdBy), index("fhir_clients_revoked_by_idx").on(t.revokedBy)],
);

/** Short-lived bearer tokens, stored as sha256 of the token; the assertion's jti is kept to refuse replays. */
export const fhirAccessTokens = pgTable(
  "fhir_access_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    clientId: uuid("client_id")
      .notNull()
      .references(() => fhirClients.id),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    scopes: text("scopes").array().notNull(),
    jti: text("jti").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex("fhir_access_tokens_client_jti_key").on(t.clientId, t.jti),
    index("fhir_access_tokens_clinic_idx").on(t.clinicId),
    index("fhir_access_tokens_expires_idx").on(t.expiresAt),
  ],
);

export const fhirExportStatusEnum = pgEnum("fhir_export_status", ["queued", "running", "complete", "failed", "cancelled", "expired"]);

export type ExportOutputFile = { type: string; file: string; count: number };

/** One Bulk Data $export request: who asked, what, and where its NDJSON files are. */
export const fhirExportJobs = pgTable(
  "fhir_export_jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clinicId: uuid("clinic_id")
      .notNull()
      .references(() => clinics.id),
    requestedByUser: uuid("requested_by_user").references(() => users.id),
    requestedByClient: uuid("requested_by_client").references(() => fhirClients.id),
    requestUrl: text("request_url").notNull(),
    /** Group/{id}/$export: a therapist's panel (patients whose primary therapist they are) */
    groupId: uuid("group_id"),
    types: text("types").array().notNull(),
    since: timestamp("since", { withTimezone: true }),
    status: fhirExportStatusEnum("status").notNull().default("queued"),
    output: jsonb("output").$type<ExportOutputFile[]>().notNull().default([]),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    /** the attempt now running it (its files are under <job>/<runner>/); a job whose instance died is taken over */
    runner: uuid("runner"),
    /** renewed by the running attempt after every page; older than the lease, the job may be taken over */
    heartbeatAt: timestamp("heartbeat_at", { withTimezone: true }),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
  },
  (t) => [
    index("fhir_export_jobs_clinic_idx").on(t.clinicId, t.createdAt),
    index("fhir_export_jobs_expiry_idx").on(t.expiresAt).where(sql`status = 'complete'`),
    index("fhir_export_jobs_user_idx").on(t.requestedByUser),
    index("fhir_export_jobs_client_idx").on(t.requestedByClient),
  ],
);

export type FhirClient = typeof fhirClients.$inferSelect;
export type FhirExportJob = typeof fhirExportJobs.$inferSelect;
