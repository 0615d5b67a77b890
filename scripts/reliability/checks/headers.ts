import { buildRoutes, Client } from "../http";
import { SAMPLE_IDS } from "../samples";
import { ACCOUNTS, type Check } from "../context";
import { ROUTE_SPECS } from "../matrix-spec";

export function concretePath(pattern: string): string {
  return pattern
    .replace("[...nextauth]", "session")
    .replace(/\[(\w+)\]/g, (_, name: string) => SAMPLE_IDS[name === "id" ? "patient" : name]?.own ?? "00000000-0000-4000-8000-000000000000");
}

/** Issue 7 item 6: every route of the build returns the security headers, signed in and not. */
export const headers: Check = {
  name: "security headers",
  async run(ctx) {
    const failures: string[] = [];
    const routes = buildRoutes();
    const admin = new Client(ctx.app.base);
    await admin.signIn(ACCOUNTS.admin, ctx.password);
    const anon = new Client(ctx.app.base);
    let checked = 0;
    let missing = 0;
    for (const r of routes) {
      const path = ROUTE_SPECS[r.pattern]?.path("own") ?? concretePath(r.pattern);
      for (const [who, client] of [["anonymous", anon], ["signed-in", admin]] as const) {
        const res = await client.get(path);
        checked++;
        const h = res.headers;
        const csp = h.get("content-security-policy") ?? "";
        const problems = [
          !csp && "no CSP",
          csp.includes("unsafe-eval") && "CSP allows unsafe-eval",
          !csp.includes("frame-ancestors 'none'") && "no frame-ancestors 'none'",
          h.get("x-content-type-options") !== "nosniff" && "no nosniff",
          !h.get("strict-transport-security") && "no HSTS",
          !h.get("referrer-policy") && "no Referrer-Policy",
          who === "signed-in" && !(h.get("cache-control") ?? "").includes("no-store") && "signed-in response without no-store",
        ].filter(Boolean);
        if (problems.length) {
          missing++;
          failures.push(`${who} GET ${path} (${res.status}): ${problems.join(", ")}`);
        }
      }
    }
    return { figures: { "routes in build": routes.length, "responses checked": checked, "missing headers": missing }, failures };
  },
};
