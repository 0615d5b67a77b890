import http from "node:http";
import { Client } from "../http";
import { ACCOUNTS, type Check } from "../context";

/** A raw request with a Host header of our choosing (fetch will not send one). */
function rawStatus(port: number, host: string): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.request({ host: "127.0.0.1", port, path: "/api/health", headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", (err: NodeJS.ErrnoException) => resolve(err.code ?? "error"));
    req.setTimeout(5000, () => req.destroy());
    req.end();
  });
}

/**
 * Issue 15 item 2: several instances behind nginx share everything that matters through PostgreSQL. A
 * session made on one instance works on all and through nginx; a lockout earned on one holds on the others;
 * nginx, not the client, decides the address and host the app sees.
 */
export const scaleOut: Check = {
  name: "instances behind nginx",
  async run(ctx): Promise<{ figures: Record<string, number | string>; failures: string[] }> {
    const failures: string[] = [];
    const [a, ...others] = ctx.instances;
    if (!a || others.length < 2) return { figures: {}, failures: [`expected 3 app instances, have ${ctx.instances.length}`] };

    // 1. One session, every instance.
    const ana = new Client(a.base);
    if (!(await ana.signIn(ACCOUNTS.ana, ctx.password)).ok) failures.push("could not sign in on the first instance");
    const cookie = ana.cookieHeader();
    const sessionOn: string[] = [];
    for (const base of [...ctx.instances.map((i) => i.base), ctx.lb.base]) {
      const page = await new Client(base).get("/today", { cookie });
      const session = await new Client(base).get("/api/auth/session", { cookie });
      if (page.status === 200 && session.body.includes(ACCOUNTS.ana)) sessionOn.push(base);
      else failures.push(`the session from ${a.base} got ${page.status} on ${base}/today`);
    }

    // 2. A lockout earned through one instance holds on the others and through nginx.
    const victim = ACCOUNTS.theo;
    for (let i = 0; i < 5; i++) await new Client(a.base, { "x-forwarded-for": "192.0.2.15" }).signIn(victim, `wrong-${i}`);
    const lockedOn: string[] = [];
    for (const base of [...others.map((i) => i.base), ctx.lb.base]) {
      const attempt = await new Client(base).signIn(victim, ctx.password);
      if (attempt.ok) failures.push(`the right password signed in on ${base} during a lockout earned on ${a.base}`);
      else lockedOn.push(base);
    }

    // 3. Through nginx the app records the address nginx saw, not one the client claims.
    const probe = "hop-probe@nowhere.example";
    await new Client(ctx.lb.base, { "x-forwarded-for": "203.0.113.250", "x-real-ip": "203.0.113.251" }).signIn(probe, "wrong");
    const recorded = ctx.cluster.psql(ctx.dbName, `select string_agg(distinct ip, ',') from login_attempts where email = '${probe}'`);
    if (recorded !== "127.0.0.1") failures.push(`through nginx, a forged X-Forwarded-For was recorded as the client address: ${recorded || "(nothing)"}`);

    // 4. A forged X-Forwarded-Host cannot make a foreign Origin look like ours, and unknown hosts are dropped.
    const forged = await new Client(ctx.lb.base).request("/api/auth/signout", {
      method: "POST",
      headers: { origin: "http://evil.example", "x-forwarded-host": "evil.example", "content-type": "application/x-www-form-urlencoded" },
      body: "csrfToken=x",
    });
    if (forged.status !== 403) failures.push(`a foreign Origin with a matching forged X-Forwarded-Host got ${forged.status} through nginx (expected 403)`);
    const unknownHost = await rawStatus(ctx.lb.port, "evil.example");
    if (typeof unknownHost === "number") failures.push(`nginx answered ${unknownHost} for an unknown Host (expected the connection dropped)`);

    return {
      figures: {
        instances: ctx.instances.length,
        "session valid on": `${sessionOn.length} of ${ctx.instances.length + 1} (instances + nginx)`,
        "lockout held on": `${lockedOn.length} of ${others.length + 1}`,
        "address recorded through nginx (forged 203.0.113.250)": recorded,
        "forged X-Forwarded-Host + foreign Origin": forged.status,
        "unknown Host at nginx": String(unknownHost),
      },
      failures,
    };
  },
};
