import fc from "fast-check";
import { buildActions, buildRoutes, Client } from "../http";
import { ACCOUNTS, type Check } from "../context";
import { ACTION_SPECS, ROUTE_SPECS } from "../matrix-spec";

const SQL = ["' OR 1=1 --", "'; drop table patients; --", "1; select pg_sleep(5)", "\\x00", "$1", "%' --"];
const SCRIPT = ["<script>alert(1)</script>", '<img src=x onerror="alert(1)">', "javascript:alert(1)", "{{constructor.constructor('alert(1)')()}}"];
const UNICODE = ["\u0000", "\u202e", "\ud800", "Z̤͔ͧ̑̓ä͖̭̈̇", "👩🏽‍⚕️", "\uFEFF", "\r\n\t\u0007"];

const hostileScalar = fc.oneof(
  fc.constantFrom(...SQL, ...SCRIPT, ...UNICODE),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.string({ minLength: 10_000, maxLength: 120_000 }).map((s) => s.padEnd(10_000, "x")),
  fc.integer(),
  fc.double(),
  fc.constantFrom(null, true, false, -1, 0, 1e308, Number.MAX_SAFE_INTEGER, "", " "),
  fc.constantFrom("00000000-0000-0000-0000-000000000000", "not-a-uuid", "../../etc/passwd"),
);

/** A valid example with fields replaced, removed, or joined by hostile keys (incl. __proto__). */
function mutate(valid: unknown): fc.Arbitrary<unknown> {
  if (valid && typeof valid === "object" && !Array.isArray(valid)) {
    const keys = Object.keys(valid);
    return fc
      .record({
        replace: fc.subarray(keys),
        drop: fc.subarray(keys),
        values: fc.array(hostileScalar, { minLength: keys.length, maxLength: keys.length }),
        extra: fc.dictionary(fc.constantFrom("__proto__", "constructor", "prototype", "clinicId", "role", "id", "version"), hostileScalar, { maxKeys: 3 }),
      })
      .map(({ replace, drop, values, extra }) => {
        const out: Record<string, unknown> = JSON.parse(JSON.stringify(valid));
        replace.forEach((k, i) => (out[k] = values[i]));
        for (const k of drop) delete out[k];
        // __proto__ as an own JSON key, the way a hostile client would send it
        return JSON.parse(JSON.stringify(Object.assign(out, extra)).replace('"proto_key"', '"__proto__"'));
      });
  }
  return fc.oneof(hostileScalar, fc.anything());
}

export const STACK = /(\s+at\s+[\w.<>]+\s+\(|node_modules\/|\.tsx?:\d+:\d+|webpack-internal)/;

/** Issue 7 item 2: ≥ 200 generated hostile inputs for every server action and route handler. */
export const hostileInput: Check = {
  name: "hostile input",
  async run(ctx) {
    const failures: string[] = [];
    const perTarget = ctx.quick ? 200 : 400;
    const clients = {
      assistant: new Client(ctx.app.base),
      therapist: new Client(ctx.app.base),
      admin: new Client(ctx.app.base),
    };
    await clients.assistant.signIn(ACCOUNTS.ana, ctx.password);
    await clients.therapist.signIn(ACCOUNTS.peter, ctx.password);
    await clients.admin.signIn(ACCOUNTS.admin, ctx.password);
    const who = Object.values(clients);

    let requests = 0;
    let fiveXx = 0;
    let stacks = 0;
    let internal = 0;
    let nulProbes = 0;
    const record = (label: string, status: number, body: string) => {
      requests++;
      if (status >= 500) {
        fiveXx++;
        if (fiveXx <= 10) failures.push(`${label} → ${status}`);
      }
      if (STACK.test(body)) {
        stacks++;
        if (stacks <= 10) failures.push(`${label} → stack trace in the response`);
      }
    };

    const actions = buildActions();
    for (const a of actions) {
      const spec = ACTION_SPECS[`${a.file}#${a.name}`];
      const valid = spec?.args(spec.ownerships[0]!)[0] ?? {};
      const samples = fc.sample(fc.oneof({ arbitrary: mutate(valid), weight: 4 }, { arbitrary: fc.anything(), weight: 1 }), perTarget);
      for (let i = 0; i < samples.length; i++) {
        const client = who[i % who.length]!;
        const res = await client.action(a.id, spec?.page ?? a.pages[0] ?? "/", [samples[i]]);
        record(`action ${a.name} #${i}`, res.status, res.body);
        // a 200 whose result is INTERNAL is a 500 in disguise (an error the verb did not expect)
        if (res.result?.code === "INTERNAL" && ++internal <= 10) failures.push(`action ${a.name} #${i} → INTERNAL for ${JSON.stringify(samples[i])?.slice(0, 120)}`);
      }
      // the valid example with a NUL inside one text field at a time (and a fresh client id, so it is not
      // answered as a retry): PostgreSQL cannot store U+0000, so the schema must refuse it (VALIDATION)
      if (valid && typeof valid === "object" && !Array.isArray(valid)) {
        for (const [k, v] of Object.entries(valid)) {
          if (typeof v !== "string" || !v) continue;
          for (const client of who) {
            nulProbes++;
            const input = { ...valid, ...("id" in valid ? { id: crypto.randomUUID() } : {}), [k]: `${v.slice(0, 1)}\u0000${v.slice(1)}` };
            const res = await client.action(a.id, spec?.page ?? a.pages[0] ?? "/", [input]);
            record(`action ${a.name} NUL in ${k}`, res.status, res.body);
            if (res.result?.code === "INTERNAL" && ++internal <= 10) failures.push(`action ${a.name} → INTERNAL for a NUL in ${k}`);
          }
        }
      }
      // not even an argument list
      for (const raw of ["", "{", "null", '{"__proto__":{"admin":true}}', "[".repeat(5000)]) {
        const res = await clients.admin.request(spec?.page ?? a.pages[0] ?? "/", {
          method: "POST",
          headers: { "next-action": a.id, "content-type": "text/plain;charset=UTF-8", origin: ctx.app.base },
          body: raw,
        });
        record(`action ${a.name} raw`, res.status, res.body);
      }
    }

    const routes = buildRoutes().filter((r) => r.kind === "route");
    for (const r of routes) {
      const spec = ROUTE_SPECS[r.pattern];
      const path = spec?.path("own") ?? r.pattern;
      const samples = fc.sample(fc.tuple(fc.oneof(fc.json(), fc.string({ unit: "binary", maxLength: 5000 })), hostileScalar), perTarget);
      for (let i = 0; i < samples.length; i++) {
        const [body, q] = samples[i]!;
        const client = who[i % who.length]!;
        const qs = `?q=${encodeURIComponent(String(q).toWellFormed()).slice(0, 4000)}`;
        const post = await client.request(`${path}${qs}`, { method: "POST", headers: { origin: ctx.app.base, "content-type": i % 2 ? "application/json" : "application/x-www-form-urlencoded" }, body });
        record(`POST ${path} #${i}`, post.status, post.body);
        if (i % 4 === 0) {
          const get = await client.get(`${path}${qs}`);
          record(`GET ${path} #${i}`, get.status, get.body);
        }
      }
    }
    // the sign-in endpoint itself, which everyone can reach
    const creds = fc.sample(fc.record({ email: hostileScalar, password: hostileScalar }), perTarget);
    for (let i = 0; i < creds.length; i++) {
      const c = new Client(ctx.app.base, { "x-forwarded-for": `198.18.${i % 250}.${(i >> 8) + 1}` });
      const res = await c.request("/api/auth/callback/credentials", {
        method: "POST",
        headers: { origin: ctx.app.base, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ email: String(creds[i]!.email), password: String(creds[i]!.password), json: "true" }).toString(),
      });
      record(`sign-in #${i}`, res.status, res.body);
    }
    const crashes = ctx.app.crashes().length;
    if (crashes) failures.push(`${crashes} unhandled errors in the server log`);
    return {
      figures: { actions: actions.length, "route handlers": routes.length, requests, "5xx responses": fiveXx, "stack traces in responses": stacks, "NUL-in-field probes": nulProbes, "INTERNAL results": internal, "unhandled rejections": crashes },
      failures,
    };
  },
};
