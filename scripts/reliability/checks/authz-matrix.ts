import { buildActions, buildRoutes, Client } from "../http";
import { ACCOUNTS, type Check } from "../context";
import { fhirClientMatrix } from "../fhir-matrix";
import { ACTION_SPECS, deriveActionSpec, deriveRouteSpec, formatVariantsMissing, QUERY_VARIANTS, ROUTE_SPECS, SENTINELS, withQuery, type Ownership, type Who } from "../matrix-spec";
import { payloadRulesFor } from "../payload-rules";

const WHO: Who[] = ["anonymous", "assistant", "therapist", "admin"];
const LOGIN: Record<Exclude<Who, "anonymous">, string> = { assistant: ACCOUNTS.ana, therapist: ACCOUNTS.peter, admin: ACCOUNTS.admin };

/** Ways people try to get round page authorization; each denied cell is tried with every one. */
const BYPASSES: { name: string; path: (p: string) => string; headers: Record<string, string> }[] = [
  { name: "plain", path: (p) => p, headers: {} },
  { name: "rsc", path: (p) => `${p}${p.includes("?") ? "&" : "?"}_rsc=matrix`, headers: { rsc: "1" } },
  { name: "prefetch", path: (p) => p, headers: { rsc: "1", "next-router-prefetch": "1" } },
  { name: "middleware-subrequest", path: (p) => p, headers: { "x-middleware-subrequest": "middleware:middleware:middleware:middleware:middleware" } },
  { name: "proxy-subrequest", path: (p) => p, headers: { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" } },
];

/**
 * Issue 7 item 1: every page, route handler and server action of the production build × who × whose
 * record. Fails on any route or action the spec does not cover, so a new one cannot be missed.
 */
export const authzMatrix: Check = {
  name: "authorization matrix",
  async run(ctx) {
    const failures: string[] = [];
    const routes = buildRoutes();
    const actions = buildActions();
    let derived = 0;
    for (const r of routes) {
      if (ROUTE_SPECS[r.pattern]) continue;
      const spec = deriveRouteSpec(r.pattern, r.file);
      if (spec) {
        ROUTE_SPECS[r.pattern] = spec;
        derived++;
      } else failures.push(`route ${r.pattern} (${r.file}) declares no permission and is not in the authorization matrix`);
    }
    failures.push(...formatVariantsMissing(routes));
    for (const a of actions) {
      const key = `${a.file}#${a.name}`;
      if (ACTION_SPECS[key]) continue;
      const spec = deriveActionSpec(a.file, a.name);
      if (spec) {
        ACTION_SPECS[key] = spec;
        derived++;
      } else failures.push(`action ${key} declares no permission and is not in the authorization matrix`);
    }

    const clients: Record<Who, Client> = {
      anonymous: new Client(ctx.app.base),
      assistant: new Client(ctx.app.base),
      therapist: new Client(ctx.app.base),
      admin: new Client(ctx.app.base),
    };
    for (const who of ["assistant", "therapist", "admin"] as const) {
      const s = await clients[who].signIn(LOGIN[who], ctx.password);
      if (!s.ok) failures.push(`could not sign in as ${who}`);
    }

    let cells = 0;
    let leaks = 0;
    let wrongOutcome = 0;
    let payloadLeaks = 0;
    /** Status codes are not enough: a 200 must not carry fields beyond the role's permission. */
    const checkPayload = (who: Who, label: string, body: string) => {
      for (const rule of payloadRulesFor(who)) {
        const found = rule.strings.find((x) => body.includes(x));
        if (found) {
          payloadLeaks++;
          failures.push(`PAYLOAD ${who} ${label}: ${rule.what} without ${rule.permission} (body shows "${found}")`);
        }
      }
    };
    for (const r of routes) {
      const spec = ROUTE_SPECS[r.pattern];
      if (!spec) continue;
      const owns: Ownership[] = spec.record ? ["own", "same-clinic-outside-caseload", "other-clinic"] : ["none"];
      for (const own of owns) {
        const paths = [spec.path(own), ...(QUERY_VARIANTS[r.pattern] ?? []).map((q) => withQuery(spec.path(own), q))];
        for (const path of paths) {
          for (const who of WHO) {
            const expected = spec.expect(who, own);
            // allowed cells are also fetched as RSC: the flight payload carries props the HTML may not show
            const variants = expected === "allow" ? BYPASSES.slice(0, payloadRulesFor(who).length ? 2 : 1) : BYPASSES;
            for (const v of variants) {
              cells++;
              const res = await clients[who].request(v.path(path), { method: spec.method ?? "GET", headers: { ...v.headers, ...(spec.method === "POST" ? { origin: ctx.app.base } : {}) } });
              checkPayload(who, `${v.name} ${spec.method ?? "GET"} ${path}`, res.body);
              const sentinel = SENTINELS[spec.sentinel?.(own) ?? ""];
              // Bypass variants must not leak (no 200 for plain requests, no protected content for any);
              // their exact status may differ (Next answers RSC requests with redirects and boundaries).
              const showsSentinel = !!sentinel && res.body.includes(sentinel);
              const leaked = expected !== "allow" && ((v.name === "plain" && res.status === 200) || showsSentinel);
              const exact = v.name === "plain" || v.name.endsWith("subrequest");
              if (leaked) {
                leaks++;
                failures.push(`LEAK ${who} ${v.name} ${spec.method ?? "GET"} ${path} → ${res.status}${sentinel && res.body.includes(sentinel) ? ` (body shows "${sentinel}")` : ""}`);
              } else if (expected === "allow" && v.name === "plain" && !(spec.allowStatus ?? [200]).includes(res.status)) {
                wrongOutcome++;
                failures.push(`${who} ${path} expected 200, got ${res.status}`);
              } else if (expected !== "allow" && exact && !statusMatches(expected, res.status, res.headers.get("location"))) {
                wrongOutcome++;
                failures.push(`${who} ${v.name} ${path} expected ${expected}, got ${res.status}`);
              }
            }
          }
        }
      }
    }

    for (const a of actions) {
      const spec = ACTION_SPECS[`${a.file}#${a.name}`];
      if (!spec) continue;
      const page = a.pages[0] ?? "/";
      for (const own of spec.ownerships) {
        for (const who of WHO) {
          const expected = spec.expect(who, own);
          const args = spec.args(own);
          const tries: [string, Record<string, string>][] =
            expected === "allow" ? [["same-origin", {}]] : [["same-origin", {}], ["foreign-origin", { origin: "https://evil.example" }], ["no-origin", { origin: "" }]];
          for (const [how, headers] of tries) {
            cells++;
            const res = await clients[who].action(a.id, spec.page ?? page, args, headers);
            checkPayload(who, `action ${a.name} (${own}, ${how})`, res.body);
            const ok = res.result?.ok === true;
            if (expected !== "allow" && ok) {
              leaks++;
              failures.push(`LEAK action ${a.name} as ${who} (${own}, ${how}) succeeded`);
            } else if (expected === "allow" && !ok && spec.mustSucceed) {
              wrongOutcome++;
              failures.push(`action ${a.name} as ${who} (${own}) should succeed: ${res.status} ${res.result?.code ?? ""} ${res.result?.message ?? res.body.slice(0, 120)}`);
            } else if (res.status >= 500) {
              wrongOutcome++;
              failures.push(`action ${a.name} as ${who} (${own}, ${how}) → ${res.status}`);
            }
          }
        }
      }
    }
    const fhir = await fhirClientMatrix(ctx);
    cells += fhir.cells;
    leaks += fhir.leaks;
    wrongOutcome += fhir.wrong;
    failures.push(...fhir.failures);
    return { figures: { routes: routes.length, actions: actions.length, "derived from permissions": derived, "cells tested": cells, "FHIR client cells": fhir.cells, leaks, "payload leaks": payloadLeaks, "unexpected outcomes": wrongOutcome }, failures };
  },
};

function statusMatches(expected: "login" | "forbidden" | "not-found", status: number, location: string | null): boolean {
  if (expected === "login") return status === 401 || ((status === 307 || status === 303) && !!location?.includes("/login"));
  if (expected === "forbidden") return status === 403;
  return status === 404;
}
