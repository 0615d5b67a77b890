import { Client } from "../http";
import { ACCOUNTS, type Check } from "../context";

/** Issue 7 item 5: guessing, throttling, indistinguishable failures, replayed and deactivated cookies. */
export const signInAbuse: Check = {
  name: "sign-in abuse",
  async run(ctx) {
    const failures: string[] = [];
    const base = ctx.app.base;
    const guesses = ctx.quick ? 200 : 1000;
    const windowMs = ctx.quick ? 15_000 : 60_000;
    const victim = ACCOUNTS.olivia;

    // 1. A burst of guesses against one account from one address, spread over the window.
    const started = Date.now();
    const statuses = new Map<number, number>();
    let sent = 0;
    await Promise.all(
      Array.from({ length: 10 }, async () => {
        while (sent < guesses) {
          const i = sent++;
          const due = started + (i / guesses) * windowMs;
          if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
          const res = await new Client(base).signIn(victim, `guess-${i}`);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
          if (res.ok) failures.push(`guess ${i} signed in`);
        }
      }),
    );
    const evaluated = Number(ctx.cluster.psql(ctx.dbName, `select count(*) from login_attempts where email = '${victim}'`));
    if (evaluated > 5) failures.push(`${evaluated} guesses were evaluated against one account (limit 5)`);
    const rightPassword = await new Client(base).signIn(victim, ctx.password);
    if (rightPassword.ok) failures.push("the locked account accepted its right password during lockout");

    // 2. Spraying many accounts from one address is throttled per address.
    const sprayIp = "198.51.100.77";
    for (let i = 0; i < 60; i++) await new Client(base, { "x-forwarded-for": sprayIp }).signIn(`spray-${i}@example.org`, "x");
    const sprayEvaluated = Number(ctx.cluster.psql(ctx.dbName, `select count(*) from login_attempts where ip = '${sprayIp}'`));
    if (sprayEvaluated > 30) failures.push(`${sprayEvaluated} attempts from one address were evaluated (limit 30)`);

    // 3. Unknown email and wrong password: same status, same body, similar time. Pairs in random order,
    // from distinct addresses; a correct sign-in after every 4 wrong guesses keeps accounts below lockout.
    const samples = ctx.quick ? 42 : 140;
    const real = [ACCOUNTS.peter, ACCOUNTS.ana, ACCOUNTS.sam, ACCOUNTS.admin, ACCOUNTS.theo, ACCOUNTS.hugo, ACCOUNTS.harborAdmin];
    const wrong: number[] = [];
    const unknown: number[] = [];
    const bodies = new Set<string>();
    const codes = new Set<number>();
    for (let i = 0; i < samples; i++) {
      const account = real[i % real.length]!;
      if (Math.floor(i / real.length) % 4 === 3) {
        await new Client(base, { "x-forwarded-for": `203.0.115.${(i % 250) + 1}` }).signIn(account, ctx.password);
      }
      const tryWrong = () => new Client(base, { "x-forwarded-for": `203.0.113.${(i % 250) + 1}` }).signIn(account, `wrong-${i}`);
      const tryUnknown = () => new Client(base, { "x-forwarded-for": `203.0.114.${(i % 250) + 1}` }).signIn(`nobody-${i}@sunrise.example`, `wrong-${i}`);
      let w, u;
      if (Math.random() < 0.5) {
        w = await tryWrong();
        u = await tryUnknown();
      } else {
        u = await tryUnknown();
        w = await tryWrong();
      }
      wrong.push(w.ms);
      unknown.push(u.ms);
      bodies.add(w.body).add(u.body);
      codes.add(w.status).add(u.status);
    }
    const wMed = trimmedMean(wrong);
    const uMed = trimmedMean(unknown);
    const timingGap = Math.abs(wMed - uMed) / Math.max(wMed, uMed);
    if (bodies.size !== 1 || codes.size !== 1) failures.push(`unknown email and wrong password answer differently (${codes.size} statuses, ${bodies.size} bodies)`);
    if (timingGap > 0.1) failures.push(`timing differs by ${(timingGap * 100).toFixed(1)}% (> 10%)`);

    // 4. A cookie replayed after sign-out, and a deactivated user's cookie, are refused.
    const c = new Client(base);
    await c.signIn(ACCOUNTS.peter, ctx.password);
    const saved = c.cookieHeader();
    await c.signOut();
    const replay = await new Client(base).get("/review", { cookie: saved });
    const replaySession = await new Client(base).get("/api/auth/session", { cookie: saved });
    if (replay.status !== 307 || !replay.headers.get("location")?.includes("/login")) failures.push(`replayed cookie after sign-out got ${replay.status}`);
    if (replaySession.body.trim() !== "{}") failures.push("replayed cookie still shows a session");

    const d = new Client(base);
    await d.signIn(ACCOUNTS.sam, ctx.password);
    const before = await d.get("/reports");
    ctx.cluster.psql(ctx.dbName, `update users set active = false, session_version = session_version + 1 where email = '${ACCOUNTS.sam}'`);
    const after = await d.get("/reports");
    ctx.cluster.psql(ctx.dbName, `update users set active = true where email = '${ACCOUNTS.sam}'`);
    if (before.status !== 200) failures.push(`deactivation check could not sign in (${before.status})`);
    if (after.status !== 307) failures.push(`a deactivated user's cookie got ${after.status}`);

    return {
      figures: {
        guesses: guesses,
        "guess window (s)": windowMs / 1000,
        "guesses evaluated": evaluated,
        "spray attempts evaluated": sprayEvaluated,
        "wrong-password time (ms, trimmed mean)": Math.round(wMed),
        "unknown-email time (ms, trimmed mean)": Math.round(uMed),
        "timing gap (%)": Number((timingGap * 100).toFixed(1)),
        "replayed cookie": replay.status,
        "deactivated cookie": after.status,
      },
      failures,
    };
  },
};

/** Mean of the middle half: robust to the scheduling spikes of a shared machine. */
function trimmedMean(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.slice(Math.floor(sorted.length / 4), Math.ceil((sorted.length * 3) / 4));
  return middle.reduce((a, b) => a + b, 0) / Math.max(1, middle.length);
}
