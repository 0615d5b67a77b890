import { and, eq, gte, inArray, isNotNull, lt } from "drizzle-orm";
import type { Tx } from "./client";
import {
  appointments,
  concerns,
  delegations,
  goalObservations,
  goals,
  observations,
  progressReports,
  taskCompletions,
  users,
  type AssistLevel,
} from "./schema";
import { localDate } from "./seed-care";

type Key = (k: string) => string;

const DAYS_BACK = 21;
const LEVELS: AssistLevel[] = ["moderate", "minimal", "minimal", "supervision", "supervision", "independent"];
const TAGS = [["engaged"], ["cooperative", "engaged"], ["tired"], ["motivated"], ["anxious", "cooperative"]];
const WINS = ["Completed every set without a rest", "Asked to try one more round", "Remembered the home exercises", "Walked to the gym on their own", ""];

/** Therapist labels, as they stood when each demo entry was signed. */
function label(u: { name: string; title: string | null }) {
  return u.title ? `${u.name}, ${u.title}` : u.name;
}

/**
 * Signed entries for the last three weeks of attended, aide-assisted appointments (values trending from
 * baseline toward target), the latest one per patient awaiting signature (one of them overdue, one
 * returned), one open concern and one progress report. Idempotent: fixed ids; entries that exist are
 * left alone (signed rows are immutable anyway). Synthetic content only.
 */
export async function seedObservations(tx: Tx, clinicKey: "sunrise" | "harbor", id: Key, clinicId: string, timeZone: string, now = new Date()) {
  const since = new Date(now.getTime() - DAYS_BACK * 86_400_000);
  const appts = await tx
    .select()
    .from(appointments)
    .where(
      and(
        eq(appointments.clinicId, clinicId),
        isNotNull(appointments.assistantId),
        inArray(appointments.attendance, ["present", "late"]),
        gte(appointments.startsAt, since),
        lt(appointments.endsAt, now),
      ),
    )
    .orderBy(appointments.startsAt);
  if (!appts.length) return;
  const staff = new Map((await tx.select().from(users).where(eq(users.clinicId, clinicId))).map((u) => [u.id, u]));
  const dels = await tx.select().from(delegations).where(and(eq(delegations.clinicId, clinicId), eq(delegations.status, "active")));
  const goalRows = new Map((await tx.select().from(goals).where(eq(goals.clinicId, clinicId))).map((g) => [g.id, g]));
  const existing = new Set(
    (await tx.select({ id: observations.id }).from(observations).where(eq(observations.clinicId, clinicId))).map((r) => r.id),
  );

  const byPatient = new Map<string, typeof appts>();
  for (const a of appts) byPatient.set(a.patientId, [...(byPatient.get(a.patientId) ?? []), a]);

  let awaiting = 0;
  for (const [patientId, list] of byPatient) {
    const patientKey = [...Array(12).keys()].map((i) => `p${String(i + 1).padStart(2, "0")}`).find((k) => id(`patient:${k}`) === patientId) ?? "";
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      const obsId = id(`obs:${a.id}`);
      if (existing.has(obsId)) continue;
      const assistant = staff.get(a.assistantId!)!;
      const therapist = staff.get(a.therapistId)!;
      const latest = i === list.length - 1;
      const progress = list.length > 1 ? i / (list.length - 1) : 0.5;
      const returned = latest && clinicKey === "sunrise" && patientKey === "p05";
      const overdue = latest && ((clinicKey === "sunrise" && patientKey === "p11") || (clinicKey === "harbor" && patientKey === "p03"));
      const status = latest ? (returned ? "returned" : "submitted") : "signed";
      const submittedAt = latest && !overdue ? submittedToday(now, timeZone, awaiting++) : new Date(a.endsAt.getTime() + 30 * 60_000);
      await tx.insert(observations).values({
        id: obsId,
        clinicId,
        appointmentId: a.id,
        patientId,
        capturedBy: assistant.id,
        capturedByLabel: `${label(assistant)}, assistant`,
        supervisingTherapistId: therapist.id,
        attitude: Math.min(5, 3 + Math.round(progress * 1.6) - (i % 5 === 2 ? 1 : 0)),
        attitudeTags: TAGS[i % TAGS.length]!,
        accomplishments: WINS[i % WINS.length]!,
        comfortAndNeeds: i % 4 === 1 ? "Asked for water halfway through; rested 2 minutes." : "",
        note: `Session ${i + 1} of the period. Followed the delegated plan.`,
        status: "submitted",
        submittedAt,
        createdAt: submittedAt,
        updatedAt: submittedAt,
      });
      const mine = dels.filter((d) => d.patientId === patientId && d.assistantId === assistant.id);
      const goalIds = [...new Set(mine.map((d) => d.goalId).filter((g): g is string => !!g))];
      if (goalIds.length) {
        await tx.insert(goalObservations).values(
          goalIds.map((g) => {
            const goal = goalRows.get(g)!;
            const base = goal.baseline ?? 0;
            const span = (goal.target ?? base) - base;
            const wobble = ((i * 7) % 5) / 100 - 0.02;
            return {
              observationId: obsId,
              goalId: g,
              value: Math.round((base + span * (0.1 + 0.6 * progress + wobble)) * 10) / 10,
              assistLevel: LEVELS[Math.min(LEVELS.length - 1, Math.floor(progress * (LEVELS.length - 1)))]!,
            };
          }),
        );
      }
      if (mine.length) {
        await tx.insert(taskCompletions).values(mine.map((d, k) => ({ observationId: obsId, delegationId: d.id, done: (i + k) % 6 !== 3, note: "" })));
      }
      if (status === "signed") {
        const signedAt = new Date(submittedAt.getTime() + 3 * 3600_000);
        await tx
          .update(observations)
          .set({ status: "signed", signedAt, signedBy: therapist.id, signedByLabel: label(therapist), updatedAt: signedAt, version: 2 })
          .where(eq(observations.id, obsId));
      } else if (status === "returned") {
        await tx
          .update(observations)
          .set({
            status: "returned",
            returnedAt: now,
            returnedBy: therapist.id,
            returnComment: "Please add which snack was prepared and how many cues were needed.",
            version: 2,
          })
          .where(eq(observations.id, obsId));
      }
    }
  }

  if (clinicKey === "sunrise") await seedSunriseMessages(tx, id, clinicId, timeZone, now);
}

/** Spread today's submissions over the last hours, never before the clinic day began (not overdue). */
function submittedToday(now: Date, timeZone: string, n: number): Date {
  const at = new Date(now.getTime() - (n + 1) * 7 * 60_000);
  return localDate(at, timeZone) === localDate(now, timeZone) ? at : now;
}

async function seedSunriseMessages(tx: Tx, id: Key, clinicId: string, timeZone: string, now: Date) {
  const uid = (k: string) => id(`user:${k}`);
  await tx
    .insert(concerns)
    .values({
      id: id("concern:p04:open"),
      clinicId,
      patientId: id("patient:p04"),
      raisedBy: uid("sam"),
      therapistId: uid("peter"),
      kind: "pain",
      text: "Reported new pain in the left knee (4/10) during the second lap; stopped and rested.",
      raisedAt: new Date(now.getTime() - 40 * 60_000),
    })
    .onConflictDoNothing();
  const end = localDate(new Date(now.getTime() - 86_400_000), timeZone);
  const start = localDate(new Date(now.getTime() - 14 * 86_400_000), timeZone);
  await tx
    .insert(progressReports)
    .values({
      id: id("report:p01:demo"),
      clinicId,
      patientId: id("patient:p01"),
      authorId: uid("ana"),
      authorLabel: "Ana Alvarez, Rehabilitation Aide, assistant",
      therapistId: uid("peter"),
      periodStart: start,
      periodEnd: end,
      figures: await demoFigures(tx, id("patient:p01"), start, end, timeZone),
      narrative: "Maggie walks further each week and needs fewer cues for sit-to-stand. She is motivated and asks about the home program.",
      submittedAt: new Date(now.getTime() - 3 * 3600_000),
    })
    .onConflictDoNothing();
}

/**
 * The demo report's figures, in the shape lib/reports/figures.ts compiles at submission (db/ cannot
 * import lib/, so this small copy serves the seed only; the app always compiles its own).
 */
async function demoFigures(tx: Tx, patientId: string, start: string, end: string, timeZone: string) {
  const from = new Date(`${start}T00:00:00Z`).getTime() - 86_400_000;
  const to = new Date(`${end}T00:00:00Z`).getTime() + 2 * 86_400_000;
  const inPeriod = (d: Date) => d.getTime() >= from && d.getTime() < to && localDate(d, timeZone) >= start && localDate(d, timeZone) <= end;
  const appts = (await tx.select().from(appointments).where(eq(appointments.patientId, patientId))).filter((a) => inPeriod(a.startsAt));
  const attendance = { present: 0, late: 0, no_show: 0, cancelled: 0, total: 0, rate: null as number | null };
  for (const a of appts) {
    if (!a.attendance) continue;
    attendance[a.attendance] += 1;
    attendance.total += 1;
  }
  if (attendance.total) attendance.rate = Math.round((100 * (attendance.present + attendance.late)) / attendance.total);
  const byAppt = new Map(appts.map((a) => [a.id, localDate(a.startsAt, timeZone)]));
  const obs = (await tx.select().from(observations).where(eq(observations.patientId, patientId)))
    .filter((o) => byAppt.has(o.appointmentId) && (o.status === "signed" || o.status === "submitted"))
    .map((o) => ({ ...o, date: byAppt.get(o.appointmentId)! }))
    .sort((a, b) => a.date.localeCompare(b.date));
  const points = obs.filter((o) => o.attitude !== null).map((o) => ({ date: o.date, value: o.attitude! }));
  const avg = points.length ? Math.round((points.reduce((n, p) => n + p.value, 0) / points.length) * 10) / 10 : null;
  const half = Math.floor(points.length / 2);
  const m = (xs: { value: number }[]) => xs.reduce((n, p) => n + p.value, 0) / xs.length;
  const diff = half ? m(points.slice(points.length - half)) - m(points.slice(0, half)) : 0;
  const obsIds = obs.map((o) => o.id);
  const gos = obsIds.length ? await tx.select().from(goalObservations).where(inArray(goalObservations.observationId, obsIds)) : [];
  const goalList = await tx.select().from(goals).where(eq(goals.patientId, patientId));
  const dateOf = new Map(obs.map((o) => [o.id, o.date]));
  const series = goalList
    .map((g) => {
      const pts = gos
        .filter((x) => x.goalId === g.id)
        .map((x) => ({ date: dateOf.get(x.observationId)!, value: x.value, assistLevel: x.assistLevel }))
        .sort((a, b) => a.date.localeCompare(b.date));
      const values = pts.map((p) => p.value).filter((v): v is number => v !== null);
      return { goalId: g.id, description: g.description, unit: g.unit, baseline: g.baseline, target: g.target, points: pts, first: values[0] ?? null, last: values.at(-1) ?? null };
    })
    .filter((g) => g.points.length)
    .sort((a, b) => a.description.localeCompare(b.description));
  return {
    attendance,
    attitude: { points, average: avg, trend: points.length < 2 ? null : diff > 0.25 ? "improving" : diff < -0.25 ? "declining" : "steady" },
    goals: series,
    accomplishments: obs.filter((o) => o.accomplishments.trim()).map((o) => ({ date: o.date, text: o.accomplishments.trim() })),
  };
}
