import { randomUUID } from "node:crypto";
import type { OutboxMutation, OutboxResponse } from "../../../lib/offline/protocol";
import { ACCOUNTS, type Context } from "../context";
import type { Outage } from "./load-faults";
import { Client } from "../http";

/** the most mutations a tablet holds before its aide's next session (20 sessions: attendance + entry each) */
const MAX_PENDING = 40;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (lo: number, hi: number) => lo + Math.random() * (hi - lo);

/** The offline tablets' appointments are in this year and the next; the online tablets' end before it. */
export const OFFLINE_FIRST_YEAR = 2015;

/** Fresh past appointments for the offline tablets (years the online tablets do not use). */
function prepare(ctx: Context, email: string, year: number, n: number): string[] {
  return ctx.cluster
    .psql(
      ctx.dbName,
      `with me as (select id, clinic_id from users where email = '${email}'),
        load as (select c.patient_id, p.primary_therapist_id as therapist_id, row_number() over (order by c.patient_id) - 1 as k
                 from caseloads c join patients p on p.id = c.patient_id, me where c.assistant_id = me.id and p.primary_therapist_id is not null),
        room as (select id from rooms where clinic_id = (select clinic_id from me) order by name desc limit 1)
      insert into appointments (clinic_id, patient_id, therapist_id, assistant_id, room_id, starts_at, ends_at)
      select me.clinic_id, l.patient_id, l.therapist_id, me.id, room.id,
             timestamptz '${year}-01-03 08:00Z' + make_interval(mins => 30 * g), timestamptz '${year}-01-03 08:25Z' + make_interval(mins => 30 * g)
      from me, room, generate_series(0, ${n - 1}) g join load l on l.k = g % (select count(*) from load)
      returning id`,
    )
    .split("\n")
    .filter(Boolean);
}

type Tally = {
  acknowledged: Set<string>;
  attempted: Set<string>;
  windows: number;
  offlineSeconds: number;
  batches: number;
  replays: number;
  aborted: number;
  lbErrorsWhileInstanceDown: number;
  errors: Map<string, number>;
};

/**
 * Issue 11: tablets that lose the Wi-Fi for random 5–60 s windows while they work. Offline, each write
 * (attendance, then the observation) goes into the tablet's outbox with a client-made id; online, the
 * outbox is replayed through POST /api/outbox until every mutation has a final answer, across the
 * database outage and the app restart of the load check. Some batches are sent twice, some requests
 * are aborted mid-flight. Afterwards every acknowledged observation must be stored exactly once and
 * every attendance recorded once.
 */
export async function offlineTablets(
  ctx: Context,
  /** the load's end; it moves later while the faults run long */
  deadlineOf: () => number,
  /** the load's current outage: a 502/504 from nginx is expected only while an instance is down */
  outageOf: () => Outage,
  tablets = 6,
): Promise<{ figures: Record<string, number>; failures: string[] }> {
  const per = ctx.quick ? 600 : 2400;
  // 2,400 slots of 30 minutes are 50 days: each run stays inside its year
  const queues = { ana: prepare(ctx, ACCOUNTS.ana, OFFLINE_FIRST_YEAR, per), sam: prepare(ctx, ACCOUNTS.sam, OFFLINE_FIRST_YEAR + 1, per) };
  const t: Tally = { acknowledged: new Set(), attempted: new Set(), windows: 0, offlineSeconds: 0, batches: 0, replays: 0, aborted: 0, lbErrorsWhileInstanceDown: 0, errors: new Map() };
  const noteError = (k: string) => t.errors.set(k, (t.errors.get(k) ?? 0) + 1);
  const flushDeadline = () => deadlineOf() + 120_000; // after the load: two minutes to deliver what is left

  const tablet = async (i: number) => {
    const who = i % 2 ? "sam" : "ana";
    const client = new Client(ctx.lb.base);
    const signIn = async () => {
      while (Date.now() < flushDeadline()) {
        if (await client.signIn(ACCOUNTS[who], ctx.password).then((r) => r.ok, () => false)) return true;
        await sleep(250);
      }
      return false;
    };
    if (!(await signIn())) return noteError("could not sign in");
    const outbox: OutboxMutation[] = [];

    const send = async (batch: OutboxMutation[], abort?: AbortController): Promise<OutboxResponse | "again"> => {
      if (abort) setTimeout(() => abort.abort(), between(1, 20));
      const begunWhileInstanceDown = outageOf() === "instance";
      try {
        const res = await client.request("/api/outbox", {
          method: "POST",
          headers: { origin: ctx.lb.base, "content-type": "application/json" },
          body: JSON.stringify({ mutations: batch }),
          signal: abort?.signal,
        });
        if (res.status === 200) return JSON.parse(res.body) as OutboxResponse;
        if (res.status === 401) await signIn();
        else if ((res.status === 502 || res.status === 504) && (begunWhileInstanceDown || outageOf() === "instance"))
          t.lbErrorsWhileInstanceDown++; // its instance was SIGKILLed or restarted with the batch in flight: sent again
        else if (res.status !== 503) noteError(`outbox answered ${res.status}`);
      } catch {
        if (abort?.signal.aborted) t.aborted++;
      }
      await sleep(300);
      return "again";
    };

    const flush = async () => {
      while (outbox.length && Date.now() < flushDeadline()) {
        const batch = outbox.slice(0, 100);
        const answer = await send(batch, Math.random() < 0.03 ? new AbortController() : undefined);
        if (answer === "again") continue;
        t.batches++;
        for (const r of answer.results) {
          if (r.outcome === "retry") break;
          const m = outbox.shift()!;
          if (m.id !== r.id) noteError("answers out of order");
          const final = r.outcome === "duplicate" ? r.firstOutcome : r.outcome;
          if (final === "applied") {
            if (m.kind === "observation.submit") t.acknowledged.add((m.payload as { id: string }).id);
          } else noteError(`${m.kind} ${final} ${r.code ?? ""} ${r.message ?? ""}`.trim());
        }
        if (Math.random() < 0.05) {
          t.replays++; // the same batch again, as after a lost answer: all duplicates
          const again = await send(batch);
          if (again !== "again" && again.results.some((r) => r.outcome !== "duplicate" && r.outcome !== "retry")) noteError("a replayed batch was applied again");
        }
      }
    };

    let nextOffline = Date.now() + between(2_000, 10_000);
    let offlineUntil = 0;
    while (Date.now() < deadlineOf()) {
      const now = Date.now();
      if (now >= nextOffline && now >= offlineUntil) {
        const len = between(5_000, 60_000);
        offlineUntil = Math.min(now + len, deadlineOf());
        nextOffline = offlineUntil + between(3_000, 15_000);
        t.windows++;
        t.offlineSeconds += (offlineUntil - now) / 1000;
      }
      // An aide's outbox holds a few sessions' work, not hundreds: with the load stretched by slow restarts
      // (a full run on a busy machine lasted 546 s of a nominal 120) an unbounded offline pace queued more
      // than the clinic's serialized audit chain could take back within the final minute.
      if (outbox.length >= MAX_PENDING) {
        if (Date.now() >= offlineUntil) await flush();
        else await sleep(500);
        continue;
      }
      const appointmentId = queues[who].shift();
      if (!appointmentId) break;
      const id = randomUUID();
      t.attempted.add(id);
      const createdAt = new Date().toISOString();
      outbox.push(
        { id: randomUUID(), kind: "attendance.record", createdAt, payload: { appointmentId, attendance: "present", arrivalTime: "", version: 1 } },
        {
          id: randomUUID(),
          kind: "observation.submit",
          createdAt,
          payload: { id, appointmentId, version: 0, tasks: [], goals: [], attitude: 4, attitudeTags: ["engaged"], accomplishments: `Offline ${i}`, comfortAndNeeds: "", note: "", education: [] },
        },
      );
      if (Date.now() >= offlineUntil) await flush();
      else await sleep(between(200, 800)); // the aide's pace while offline
    }
    await flush(); // back online for good
    if (outbox.length) noteError(`${outbox.length} mutations still in an outbox at the end`);
  };

  await Promise.all(Array.from({ length: tablets }, (_, i) => tablet(i)));

  const stored = new Set(ctx.cluster.psql(ctx.dbName, "select id from observations where accomplishments like 'Offline %'").split("\n").filter(Boolean));
  const lost = [...t.acknowledged].filter((id) => !stored.has(id));
  const strays = [...stored].filter((id) => !t.attempted.has(id)).length;
  const doubleAttendance = Number(
    ctx.cluster.psql(
      ctx.dbName,
      `select count(*) from (select entity_id from audit_events a join appointments p on p.id::text = a.entity_id
         where a.action = 'appointment.attendance_record' and p.starts_at < timestamptz '2017-01-01' group by entity_id having count(*) > 1) d`,
    ),
  );
  const failures: string[] = [];
  if (lost.length) failures.push(`offline tablets: ${lost.length} acknowledged observations were lost`);
  if (strays) failures.push(`offline tablets: ${strays} stored observations were never queued`);
  if (doubleAttendance) failures.push(`offline tablets: ${doubleAttendance} appointments had their attendance applied twice`);
  for (const [k, n] of t.errors) failures.push(`offline tablets: ${n}× ${k}`);
  return {
    figures: {
      "offline tablets": tablets,
      "offline windows": t.windows,
      "offline seconds (sum)": Math.round(t.offlineSeconds),
      "outbox batches": t.batches,
      "outbox batches replayed": t.replays,
      "outbox requests aborted": t.aborted,
      "outbox 502s at the kill / restart (sent again)": t.lbErrorsWhileInstanceDown,
      "offline acknowledged": t.acknowledged.size,
      "offline lost": lost.length,
      "offline attendance applied twice": doubleAttendance,
    },
    failures,
  };
}
