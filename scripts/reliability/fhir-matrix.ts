/**
 * The FHIR routes in the authorization matrix (issue 12): their expected outcomes are derived from
 * lib/auth/permissions.ts (canReadFhir / can) for the four session kinds, and for three registered
 * system clients: one with system/*.read, one with too few scopes (system/Patient.read), one revoked.
 * Kept apart from matrix-spec.ts, which merges FHIR_ROUTE_SPECS and calls fhirClientMatrix.
 */
import { can, canReadFhir, type FhirType, type Subject } from "../../lib/auth/permissions";
import { assertionClaims, jwksOf, makeKey, signAssertion, tokenForm } from "../../lib/testing/smart-client";
import type { Context } from "./context";
import { Client } from "./http";
import type { Outcome, Ownership, RouteSpec, Who } from "./matrix-spec";
import { demoId, SAMPLE_IDS } from "./samples";

type Row = {
  pattern: string;
  /** what the route reads: a FHIR type, or the export permission */
  needs: FhirType | "export";
  /** the sample record the [id] takes; none: a random id (allowed callers get 404) */
  record?: "patient" | "user" | "goal";
  path: (own: Ownership) => string;
  /** allowed callers' statuses (default 200) */
  allowStatus?: number[];
  sentinel?: (own: Ownership) => string;
};

const random = "3f1d2c4b-0000-4000-8000-00000000beef";
const id = (kind: NonNullable<Row["record"]>, own: Ownership) => SAMPLE_IDS[kind]![own === "none" ? "own" : own];
const patient = (suffix: string, type: FhirType, extra: Partial<Row> = {}): Row => ({
  pattern: suffix,
  needs: type,
  record: "patient",
  path: (own) => suffix.replace("[id]", id("patient", own)),
  sentinel: (own) => `patient:${own}`,
  ...extra,
});

const ROWS: Row[] = [
  patient("/fhir/R4/Patient/[id]", "Patient"),
  patient("/fhir/R4/Patient/[id]/$everything", "Patient"),
  { pattern: "/fhir/R4/Practitioner/[id]", needs: "Practitioner", record: "user", path: (own) => `/fhir/R4/Practitioner/${id("user", own)}` },
  { pattern: "/fhir/R4/Goal/[id]", needs: "Goal", record: "goal", path: (own) => `/fhir/R4/Goal/${id("goal", own)}` },
  // an Encounter is an attended appointment; the demo's sample appointments are today's (not attended yet),
  // so a random id: allowed callers get 404 (lib/fhir/api.test.ts reads real ones, and another clinic's)
  { pattern: "/fhir/R4/Encounter/[id]", needs: "Encounter", path: () => `/fhir/R4/Encounter/${random}` },
  ...(["Observation", "Encounter", "Goal"] as const).map((t) => ({ ...patient(`/fhir/R4/${t}`, t), path: (own: Ownership) => `/fhir/R4/${t}?patient=${id("patient", own)}` })),
  { pattern: "/fhir/R4/Binary/[id]", needs: "DocumentReference", path: () => `/fhir/R4/Binary/${random}` },
  // without `Prefer: respond-async` an allowed caller gets 400 and no job is started
  { pattern: "/fhir/R4/Patient/$export", needs: "export", path: () => "/fhir/R4/Patient/$export", allowStatus: [400] },
  { pattern: "/fhir/R4/Group/[id]/$export", needs: "export", path: () => `/fhir/R4/Group/${random}/$export`, allowStatus: [400] },
  { pattern: "/fhir/R4/bulk-status/[id]", needs: "export", path: () => `/fhir/R4/bulk-status/${random}` },
  { pattern: "/fhir/R4/bulk-files/[id]/[file]", needs: "export", path: () => `/fhir/R4/bulk-files/${random}/Patient.ndjson` },
];

const ROLE: Record<Exclude<Who, "anonymous">, Subject> = {
  assistant: { role: "assistant", clinicId: "sunrise" },
  therapist: { role: "therapist", clinicId: "sunrise" },
  admin: { role: "admin", clinicId: "sunrise" },
};

/** The outcome for a caller (null: not signed in, or a revoked client) from the permission table. */
function expected(row: Row, subject: Subject | null, own: Ownership): Outcome {
  if (!subject) return "login";
  const ok = row.needs === "export" ? can(subject, "fhir:export") : canReadFhir(subject, row.needs);
  if (!ok) return "forbidden";
  if (!row.record) return row.allowStatus ? "allow" : "not-found";
  return own === "other-clinic" ? "not-found" : "allow";
}

export const FHIR_ROUTE_SPECS: Record<string, RouteSpec> = Object.fromEntries([
  ...ROWS.map((row) => [
    row.pattern,
    {
      ...(row.record ? { record: row.record } : {}),
      path: row.path,
      allowStatus: row.allowStatus,
      sentinel: row.sentinel,
      expect: (who: Who, own: Ownership) => expected(row, who === "anonymous" ? null : ROLE[who], own),
    } satisfies RouteSpec,
  ]),
  ["/fhir/R4/metadata", { path: () => "/fhir/R4/metadata", expect: () => "allow" } satisfies RouteSpec],
  ["/fhir/R4/.well-known/smart-configuration", { path: () => "/fhir/R4/.well-known/smart-configuration", expect: () => "allow" } satisfies RouteSpec],
  // the token endpoint is for anyone to try; without an assertion it is a 400 (invalid_request)
  ["/fhir/R4/auth/token", { method: "POST", path: () => "/fhir/R4/auth/token", expect: () => "allow", allowStatus: [400] } satisfies RouteSpec],
]);

const statusOf: Record<Exclude<Outcome, "allow">, number> = { login: 401, forbidden: 403, "not-found": 404 };

/** Register three clients (as the admin page would, straight into the suite's database), get real tokens, try every FHIR route. */
export async function fhirClientMatrix(ctx: Context): Promise<{ cells: number; leaks: number; wrong: number; failures: string[] }> {
  const failures: string[] = [];
  const sql = (q: string) => ctx.cluster.psql(ctx.dbName, q);
  const key = makeKey("ES384");
  const jwks = jwksOf(key).replace(/'/g, "''");
  const register = (name: string, scopes: string) =>
    sql(`insert into fhir_clients (clinic_id, name, jwks, scopes, created_by) values ('${demoId("sunrise")}', '${name}', '${jwks}'::jsonb, '{${scopes}}', '${demoId("sunrise:user:alex")}') returning id`);
  const clients = { full: register("matrix full", "system/*.read"), narrow: register("matrix narrow", "system/Patient.read"), revoked: register("matrix revoked", "system/*.read") };
  const anon = new Client(ctx.app.base);
  const tokenUrl = (JSON.parse((await anon.get("/fhir/R4/.well-known/smart-configuration")).body) as { token_endpoint: string }).token_endpoint;
  const tokens: Record<string, string> = {};
  for (const [k, cid] of Object.entries(clients)) {
    const res = await anon.request("/fhir/R4/auth/token", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams(tokenForm(signAssertion(key, assertionClaims(cid, tokenUrl)))).toString(),
    });
    if (res.status !== 200) failures.push(`client ${k} got no token: ${res.status} ${res.body.slice(0, 200)}`);
    else tokens[k] = (JSON.parse(res.body) as { access_token: string }).access_token;
  }
  sql(`update fhir_clients set revoked_at = now() where id = '${clients.revoked}'`);

  const SUBJECTS: Record<keyof typeof clients, Subject | null> = {
    full: { role: "system", clinicId: "sunrise", scopes: ["system/*.read"] },
    narrow: { role: "system", clinicId: "sunrise", scopes: ["system/Patient.read"] },
    revoked: null,
  };
  let cells = 0;
  let leaks = 0;
  let wrong = 0;
  for (const row of ROWS) {
    for (const own of (row.record ? ["own", "same-clinic-outside-caseload", "other-clinic"] : ["none"]) as Ownership[]) {
      for (const k of Object.keys(clients) as (keyof typeof clients)[]) {
        if (!tokens[k]) continue;
        cells++;
        const want = expected(row, SUBJECTS[k], own);
        const res = await anon.request(row.path(own), { headers: { authorization: `Bearer ${tokens[k]}` } });
        const allowed = (row.allowStatus ?? [200]).includes(res.status);
        if (want !== "allow" && res.status === 200) {
          leaks++;
          failures.push(`LEAK client ${k} GET ${row.path(own)} → 200`);
        } else if (want === "allow" ? !allowed : res.status !== statusOf[want]) {
          wrong++;
          failures.push(`client ${k} GET ${row.path(own)} expected ${want}, got ${res.status}`);
        }
      }
    }
  }
  return { cells, leaks, wrong, failures };
}
