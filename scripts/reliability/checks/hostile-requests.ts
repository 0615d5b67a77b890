import { buildActions, buildRoutes, Client, rawRequest } from "../http";
import { ACCOUNTS, type Check } from "../context";
import { COMMON_PARAMS, EXTRA_PATHS, ODD_METHODS, PARAM_VALUES, paramsReadBy, SEGMENT_VALUES, staticChunk, UNKNOWN_METHODS } from "../hostile-values";
import { deriveRouteSpec, ROUTE_SPECS, type Who } from "../matrix-spec";
import { STACK } from "./hostile-input";

const ACTION_LIMIT = 1024 * 1024;
/** What a server error looks like in `next start`'s output: Next's ⨯ marker, a stack frame, our error log. */
const LOGGED_ERROR = /(^|\n)\s*⨯|\n\s+at\s+\S+.*:\d+:\d+|"level":"error"/g;

/**
 * Issue 15 item 6: what the action and route fuzzing does not send. Every page's and route handler's
 * query parameters (the ones its source reads and every name the app uses) and dynamic path segments,
 * server-action bodies over the 1 MB limit (text/plain, multipart, chunked), odd methods on every path,
 * and the image optimizer. Counts 5xx, stack traces in responses, errors in the server log and
 * unhandled errors: all must be 0. Oversized action bodies must get 413 and odd methods 405.
 */
export const hostileRequests: Check = {
  name: "hostile pages, bodies, methods",
  async run(ctx) {
    const failures: string[] = [];
    const mark = ctx.app.logMark();
    const clients: Record<Who, Client> = { anonymous: new Client(ctx.app.base), assistant: new Client(ctx.app.base), therapist: new Client(ctx.app.base), admin: new Client(ctx.app.base) };
    await clients.assistant.signIn(ACCOUNTS.ana, ctx.password);
    await clients.therapist.signIn(ACCOUNTS.peter, ctx.password);
    await clients.admin.signIn(ACCOUNTS.admin, ctx.password);
    const values = ctx.quick ? PARAM_VALUES.filter((_, i) => i % 2 === 0 || i < 12) : PARAM_VALUES;

    const f = { requests: 0, "5xx": 0, "stack traces in responses": 0, "oversized bodies": 0, "oversized → 413": 0, "odd methods": 0, "odd methods → 405": 0 };
    // failures are grouped (route and parameter, kind of body, method) so one cause is one line
    const groups = new Map<string, { n: number; example: string }>();
    const fail = (group: string, example: string) => {
      const g = groups.get(group) ?? { n: 0, example };
      g.n++;
      groups.set(group, g);
    };
    let group = "";
    const record = (label: string, status: number, body: string) => {
      f.requests++;
      if (status >= 500) {
        f["5xx"]++;
        fail(`${group} → ${status}`, label);
      }
      if (STACK.test(body)) {
        f["stack traces in responses"]++;
        fail(`${group} → stack trace in the response`, label);
      }
    };
    const get = async (who: Who, path: string) => {
      try {
        const r = await clients[who].get(path);
        record(`${who} GET ${path.slice(0, 160)}`, r.status, r.body);
      } catch (err) {
        record(`${who} GET ${path.slice(0, 160)} (${(err as Error).message})`, 599, "");
      }
    };

    const routes = buildRoutes();
    const pagePaths: string[] = [];
    for (const r of routes) {
      const spec = ROUTE_SPECS[r.pattern] ?? deriveRouteSpec(r.pattern, r.file);
      const path = spec?.path("own") ?? r.pattern.replace(/\[[^\]]+\]/g, "3f1d2c4b-0000-4000-8000-00000000beef");
      pagePaths.push(path);
      const allowed = (["assistant", "therapist", "admin"] as const).filter((w) => spec?.expect(w, "own") === "allow");
      const whoFor = (i: number): Who => (allowed.length ? allowed[i % allowed.length]! : "anonymous");
      const sep = path.includes("?") ? "&" : "?";
      // each parameter its source reads, with every value, as each role allowed in turn
      const own = paramsReadBy(r.file);
      let i = 0;
      for (const name of own) {
        group = `GET ${r.pattern}?${name}=`;
        for (const v of values) await get(whoFor(i++), `${path}${sep}${name}=${v}`);
      }
      group = `GET ${r.pattern}?<every name>=`;
      // every name the app uses at once (short values, so the URL stays under the header limit)
      for (const v of values.filter((x) => x.length < 400)) await get(whoFor(i++), `${path}${sep}${COMMON_PARAMS.map((n) => `${n}=${v}`).join("&")}`);
      // the same parameter twice (Next then passes an array)
      group = `GET ${r.pattern}?<repeated names>`;
      await get(whoFor(i++), `${path}${sep}${[...own, ...COMMON_PARAMS].map((n) => `${n}=2026-01-05&${n}=x`).join("&")}`);
      await get("anonymous", `${path}${sep}q=a%00b&from=0000-00-00`);
      // dynamic segments, one at a time
      const dyn = [...r.pattern.matchAll(/\[([^\]]+)\]/g)];
      if (dyn.length && spec) {
        const real = path.split("?")[0]!.split("/");
        const pattern = r.pattern.split("/");
        for (let s = 0; s < pattern.length; s++) {
          if (!/^\[/.test(pattern[s]!)) continue;
          group = `GET ${r.pattern} with a hostile ${pattern[s]}`;
          for (const v of SEGMENT_VALUES) await get(whoFor(i++), real.map((seg, j) => (j === s ? v : seg)).join("/"));
        }
      }
    }
    for (const p of EXTRA_PATHS) {
      group = `GET ${p}`;
      for (const who of ["anonymous", "admin"] as const) await get(who, p);
    }

    // server-action bodies over the limit, to every page that has actions
    const actions = buildActions();
    const big = "x".repeat(ACTION_LIMIT + 64 * 1024);
    const seen = new Set<string>();
    for (const a of actions) {
      const page = a.pages[0];
      if (!page || seen.has(page) || page.includes("[")) continue;
      seen.add(page);
      const boundary = "----hostile";
      const bodies: [string, string, () => BodyInit][] = [
        ["text/plain", "text/plain;charset=UTF-8", () => JSON.stringify([big])],
        ["multipart", `multipart/form-data; boundary=${boundary}`, () => `--${boundary}\r\nContent-Disposition: form-data; name="1"\r\n\r\n${big}\r\n--${boundary}--\r\n`],
        ["chunked", "text/plain;charset=UTF-8", () => chunked(JSON.stringify([big]))],
      ];
      for (const [kind, type, makeBody] of bodies) {
        for (const who of ["admin", "anonymous"] as const) {
          const body = makeBody();
          f["oversized bodies"]++;
          group = `oversized ${kind} action body`;
          try {
            const res = await clients[who].request(page, { method: "POST", headers: { "next-action": a.id, "content-type": type, origin: ctx.app.base }, body, duplex: "half" } as RequestInit);
            if (res.status === 413) f["oversized → 413"]++;
            else fail(`oversized ${kind} action body → ${res.status} (expected 413)`, `${who} ${(big.length / 1024) | 0} kB to ${page}`);
            record(`${who} oversized ${kind} POST ${page}`, res.status, res.body);
          } catch (err) {
            record(`${who} oversized ${kind} POST ${page} (${(err as Error).message})`, 599, "");
          }
        }
      }
    }

    // odd methods on every path, static files and the image optimizer
    const chunk = staticChunk();
    const paths = [...new Set([...pagePaths, ...EXTRA_PATHS, ...(chunk ? [chunk] : [])])];
    for (const p of paths) {
      for (const m of [...ODD_METHODS, ...UNKNOWN_METHODS]) {
        const known = ODD_METHODS.includes(m);
        if (known) f["odd methods"]++;
        group = `${m} on any path`;
        try {
          const res = await rawRequest(ctx.app.base, m, p, { cookie: clients.admin.cookieHeader(), origin: ctx.app.base, "max-forwards": "0" });
          if (known && res.status === 405) f["odd methods → 405"]++;
          else if (known) fail(`${m} → ${res.status} (expected 405)`, p);
          record(`${m} ${p}`, res.status, res.body);
        } catch (err) {
          record(`${m} ${p} (${(err as Error).message})`, 599, "");
        }
      }
    }

    for (const [g, { n, example }] of groups) failures.push(`${g}: ${n}× (e.g. ${example.slice(0, 140)})`);
    const log = ctx.app.logSince(mark);
    const logged = [...log.matchAll(LOGGED_ERROR)].length;
    if (logged) failures.push(`${logged} error lines in the server log, e.g. ${log.slice(Math.max(0, log.search(LOGGED_ERROR)), Math.max(0, log.search(LOGGED_ERROR)) + 300).replace(/\s+/g, " ")}`);
    const crashes = log.split("\n").filter((l) => /Unhandled|uncaughtException|FATAL ERROR|Segmentation/i.test(l)).length;
    if (crashes) failures.push(`${crashes} unhandled errors in the server log`);
    return { figures: { routes: routes.length, ...f, "errors in server log": logged, "unhandled errors": crashes }, failures };
  },
};

function chunked(s: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(s);
  let at = 0;
  return new ReadableStream({
    pull(c) {
      if (at >= bytes.length) return c.close();
      c.enqueue(bytes.subarray(at, at + 65_536));
      at += 65_536;
    },
  });
}
