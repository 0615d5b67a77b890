import { randomUUID } from "node:crypto";
import { buildActions, Client, percentile } from "../http";
import { ACCOUNTS, type Check, type Context } from "../context";
import { offlineTablets } from "./offline-tablets";

type Work = { appointmentId: string };

/**
 * Extra appointments for the load: each assistant gets a run of back-to-back 30-minute slots with
 * patients on their caseload, far from the demo's dates so nothing overlaps.
 */
function prepareAppointments(ctx: Context, perAssistant: number): Record<"ana" | "sam", Work[]> {
  const make = (email: string, startYear: number) =>
    ctx.cluster
      .psql(
        ctx.dbName,
        `with me as (select id, clinic_id from users where email = '${email}'),
          load as (select c.patient_id, p.primary_therapist_id as therapist_id, row_number() over (order by c.patient_id) - 1 as k,
                     count(*) over () as n
                   from caseloads c join patients p on p.id = c.patient_id, me where c.assistant_id = me.id and p.primary_therapist_id is not null),
          room as (select id from rooms where clinic_id = (select clinic_id from me) order by name limit 1)
        insert into appointments (clinic_id, patient_id, therapist_id, assistant_id, room_id, starts_at, ends_at)
        select me.clinic_id, l.patient_id, l.therapist_id, me.id, room.id,
               timestamptz '${startYear}-01-03 08:00Z' + make_interval(mins => 30 * g),
               timestamptz '${startYear}-01-03 08:25Z' + make_interval(mins => 30 * g)
        from me, room, generate_series(0, ${perAssistant - 1}) g join load l on l.k = g % l.n
        returning id`,
      )
      .split("\n")
      .filter(Boolean)
      .map((appointmentId) => ({ appointmentId }));
  // in the past: attendance cannot be recorded before the day of the appointment
  return { ana: make(ACCOUNTS.ana, 2019), sam: make(ACCOUNTS.sam, 2021) };
}

type Ledger = { acknowledged: Set<string>; attempted: Set<string>; latencies: number[]; errors: Map<string, number>; duplicatesSent: number; aborted: number };

/**
 * Issue 7 items 3 and 4: 30 tablets submit attendance and observations with client-generated ids for a
 * while; 5% of submits are sent twice, some are aborted mid-flight. Part way through, PostgreSQL is
 * stopped abruptly and started again; later the app process is killed and restarted. Every
 * acknowledged observation must be stored exactly once.
 */
export const load: Check = {
  name: "tablets under load",
  async run(ctx): Promise<{ figures: Record<string, number | string>; failures: string[] }> {
    const failures: string[] = [];
    const seconds = ctx.quick ? 20 : 120;
    const tablets = 30;
    const actions = buildActions();
    const submit = actions.find((a) => a.name === "submitObservationAction");
    const attend = actions.find((a) => a.name === "recordAttendanceAction");
    if (!submit || !attend) return { figures: {}, failures: ["the build has no submitObservationAction / recordAttendanceAction"] };
    const queues = prepareAppointments(ctx, ctx.quick ? 1200 : 6000);
    const ledger: Ledger = { acknowledged: new Set(), attempted: new Set(), latencies: [], errors: new Map(), duplicatesSent: 0, aborted: 0 };
    const deadline = Date.now() + seconds * 1000;
    const writesAfter = { dbBackAt: 0, firstWriteAfterDb: 0, appBackAt: 0, firstWriteAfterApp: 0 };
    let outage: "db" | "app" | null = null;
    let unavailableAnswers = 0;
    let badOutageAnswers = 0;

    const noteError = (k: string) => ledger.errors.set(k, (ledger.errors.get(k) ?? 0) + 1);
    const noteWrite = () => {
      const now = Date.now();
      if (writesAfter.dbBackAt && !writesAfter.firstWriteAfterDb) writesAfter.firstWriteAfterDb = now;
      if (writesAfter.appBackAt && !writesAfter.firstWriteAfterApp) writesAfter.firstWriteAfterApp = now;
    };

    const tablet = async (i: number) => {
      const who = i % 2 ? "sam" : "ana";
      const client = new Client(ctx.app.base);
      const signIn = async () => {
        while (Date.now() < deadline) {
          try {
            if ((await client.signIn(ACCOUNTS[who], ctx.password)).ok) return true;
          } catch {
            /* server down */
          }
          await new Promise((r) => setTimeout(r, 250));
        }
        return false;
      };
      if (!(await signIn())) return;
      const queue = queues[who];
      while (Date.now() < deadline) {
        const work = queue.shift();
        if (!work) break;
        const id = randomUUID();
        const content = { tasks: [], goals: [], attitude: 4, attitudeTags: ["engaged"], accomplishments: `Load ${i}`, comfortAndNeeds: "", note: "", education: [] };
        // attendance, then the observation; each retried until acknowledged, as the tablet does
        const version = 1; // fresh appointments
        for (const step of ["attend", "submit"] as const) {
          let acked = false;
          while (!acked && Date.now() < deadline) {
            const abort = Math.random() < 0.02 ? new AbortController() : undefined;
            if (abort) setTimeout(() => abort.abort(), 1 + Math.random() * 20);
            const started = performance.now();
            // sent counts before the answer: an aborted request may still have been stored
            if (step === "submit") ledger.attempted.add(id);
            try {
              const res =
                step === "attend"
                  ? await client.action(attend.id, "/today", [{ appointmentId: work.appointmentId, attendance: "present", arrivalTime: "", version }], {}, abort?.signal)
                  : await client.action(submit.id, `/sessions/${work.appointmentId}`, [{ id, appointmentId: work.appointmentId, version: 0, ...content }], {}, abort?.signal);
              if (res.result?.ok) {
                acked = true;
                ledger.latencies.push(performance.now() - started);
                noteWrite();
                if (step === "submit") {
                  ledger.acknowledged.add(id);
                  if (Math.random() < 0.05) {
                    // a double tap / retry of the same entry
                    ledger.duplicatesSent++;
                    const again = await client.action(submit.id, `/sessions/${work.appointmentId}`, [{ id, appointmentId: work.appointmentId, version: 0, ...content }]);
                    if (!again.result?.ok) noteError(`retry answered ${again.result?.code ?? again.status}`);
                  }
                }
              } else if (res.result?.code === "UNAVAILABLE" || res.status === 503) {
                if (outage) unavailableAnswers++;
                await new Promise((r) => setTimeout(r, 200));
              } else if (res.result?.code === "UNAUTHENTICATED" || res.status === 307) {
                await signIn();
              } else if (step === "attend" && res.result?.code === "CONFLICT") {
                acked = true; // recorded by an earlier attempt whose answer was lost
              } else {
                noteError(`${step}: ${res.status} ${res.result?.code ?? ""} ${res.result?.message ?? ""}`.trim());
                if (res.status >= 500 && outage) badOutageAnswers++;
                await new Promise((r) => setTimeout(r, 200));
              }
            } catch (err) {
              if (abort?.signal.aborted) ledger.aborted++;
              else if (!outage) noteError(`${step}: ${(err as Error).name}`);
              await new Promise((r) => setTimeout(r, 200));
            }
          }
        }
      }
    };

    const faults = (async () => {
      const at = (f: number) => new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now() - seconds * 1000 * (1 - f))));
      await at(0.35);
      outage = "db";
      ctx.cluster.stopImmediate();
      const health = await fetch(`${ctx.app.base}/api/health`).catch(() => null);
      const healthStatus = health?.status ?? 0;
      const healthBody = health ? await health.text() : "";
      await new Promise((r) => setTimeout(r, ctx.quick ? 2000 : 5000));
      ctx.cluster.start();
      writesAfter.dbBackAt = Date.now();
      outage = null;
      await at(0.7);
      outage = "app";
      await ctx.app.kill();
      await new Promise((r) => setTimeout(r, 1000));
      await ctx.app.start();
      writesAfter.appBackAt = Date.now();
      outage = null;
      return { healthStatus, healthBody };
    })();

    // issue 11: more tablets that drop off the Wi-Fi and replay their outbox (checks/offline-tablets.ts)
    const offline = offlineTablets(ctx, deadline);
    await Promise.all(Array.from({ length: tablets }, (_, i) => tablet(i)));
    const { healthStatus, healthBody } = await faults;
    const offlineResult = await offline;
    failures.push(...offlineResult.failures);

    // What is stored, against the ledger
    const stored = new Set(ctx.cluster.psql(ctx.dbName, "select id from observations where accomplishments like 'Load %'").split("\n").filter(Boolean));
    const lost = [...ledger.acknowledged].filter((id) => !stored.has(id));
    const dupRows = Number(ctx.cluster.psql(ctx.dbName, "select count(*) - count(distinct appointment_id) from observations"));
    const strays = [...stored].filter((id) => !ledger.attempted.has(id)).length;
    const dbRecovery = writesAfter.firstWriteAfterDb ? (writesAfter.firstWriteAfterDb - writesAfter.dbBackAt) / 1000 : NaN;
    const appRecovery = writesAfter.firstWriteAfterApp ? (writesAfter.firstWriteAfterApp - writesAfter.appBackAt) / 1000 : NaN;

    if (lost.length) failures.push(`${lost.length} acknowledged observations were lost`);
    if (dupRows) failures.push(`${dupRows} duplicate observations`);
    if (strays) failures.push(`${strays} stored observations were never sent`);
    if (healthStatus !== 503 || !healthBody.includes("unavailable")) failures.push(`health during the database outage answered ${healthStatus} ${healthBody.slice(0, 80)}`);
    if (!(dbRecovery <= 5)) failures.push(`first write ${dbRecovery}s after the database came back (target ≤ 5 s)`);
    if (!(appRecovery <= 5)) failures.push(`first write ${appRecovery}s after the app restarted (target ≤ 5 s)`);
    if (badOutageAnswers) failures.push(`${badOutageAnswers} 5xx answers during outages`);
    for (const [k, n] of ledger.errors) if (!/UNAVAILABLE/.test(k)) failures.push(`${n}× ${k}`);

    return {
      figures: {
        tablets,
        seconds,
        acknowledged: ledger.acknowledged.size,
        "rows stored": stored.size,
        lost: lost.length,
        duplicates: dupRows,
        "duplicate retries sent": ledger.duplicatesSent,
        "aborted requests": ledger.aborted,
        "p50 write (ms)": Math.round(percentile(ledger.latencies, 50)),
        "p95 write (ms)": Math.round(percentile(ledger.latencies, 95)),
        "health while db down": healthStatus,
        "'unavailable' answers while down": unavailableAnswers,
        "db back → first write (s)": Number(dbRecovery.toFixed(2)),
        "app restart → first write (s)": Number(appRecovery.toFixed(2)),
        ...offlineResult.figures,
      },
      failures,
    };
  },
};
