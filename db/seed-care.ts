import { sql } from "drizzle-orm";
import type { Tx } from "./client";
import { appointments, competencies, delegations, goals } from "./schema";

type Key = (k: string) => string;

type CarePlan = {
  patient: string;
  therapist: string;
  goals: { description: string; unit: string; baseline: number; target: number }[];
  /** [assistant, task type, goal index or null, instructions, frequency] */
  delegations: [string, string, number | null, string, string][];
};

type Slot = { time: string; minutes: number; patient: string; therapist: string; assistant: string | null; room: string };

export type ClinicCare = {
  timeZone: string;
  competencies: [assistant: string, taskType: string, verifiedBy: string][];
  plans: CarePlan[];
  /** one day's timetable, repeated on every weekday (and on today, whatever day it is) */
  day: Slot[];
};

export const SUNRISE_CARE: ClinicCare = {
  timeZone: "America/Los_Angeles",
  competencies: [
    ["ana", "gait_training", "peter"],
    ["ana", "therapeutic_exercise", "peter"],
    ["ana", "transfer_training", "peter"],
    ["ana", "fine_motor", "olivia"],
    ["ana", "sensory_activities", "olivia"],
    ["ana", "adl_practice", "olivia"],
    ["sam", "gait_training", "peter"],
    ["sam", "therapeutic_exercise", "peter"],
    ["sam", "balance_activities", "peter"],
    ["sam", "range_of_motion", "peter"],
  ],
  plans: [
    {
      patient: "p01",
      therapist: "peter",
      goals: [
        { description: "Walk 150 ft with rolling walker and supervision", unit: "ft", baseline: 40, target: 150 },
        { description: "Sit-to-stand 10 times without using hands", unit: "reps", baseline: 3, target: 10 },
      ],
      delegations: [
        ["ana", "gait_training", 0, "Rolling walker, gait belt on. Parallel bars first, then hallway. Stop and sit if dizzy.", "Each session"],
        ["ana", "therapeutic_exercise", 1, "Sit-to-stand from a standard chair, 3 sets; hips above knees (posterior hip precautions).", "Each session"],
      ],
    },
    {
      patient: "p02",
      therapist: "peter",
      goals: [{ description: "Single-leg stance on the left for 30 seconds", unit: "seconds", baseline: 5, target: 30 }],
      delegations: [
        ["ana", "therapeutic_exercise", 0, "Left leg: mini squats and step-ups, 2 × 10. Weight bearing as tolerated.", "Each session"],
        ["sam", "balance_activities", 0, "Single-leg stance at the counter with contact-guard, 5 tries; record the best time.", "Twice weekly"],
      ],
    },
    {
      patient: "p03",
      therapist: "olivia",
      goals: [{ description: "Fasten 5 buttons independently within 3 minutes", unit: "buttons", baseline: 1, target: 5 }],
      delegations: [["ana", "fine_motor", 0, "Button board, large to medium buttons. Seizure precautions: mat on floor, never leave alone.", "Each session"]],
    },
    {
      patient: "p04",
      therapist: "peter",
      goals: [{ description: "Walk 300 ft without a rest, heart rate under 120", unit: "ft", baseline: 100, target: 300 }],
      delegations: [["sam", "gait_training", 0, "Check HR before and after each lap; stop if over 120 or short of breath.", "Each session"]],
    },
    {
      patient: "p05",
      therapist: "olivia",
      goals: [{ description: "Prepare a simple snack with minimal assistance", unit: "steps", baseline: 2, target: 6 }],
      delegations: [["ana", "adl_practice", 0, "Kitchen task: sandwich or cereal; use the interpreter for instructions.", "Each session"]],
    },
    {
      patient: "p06",
      therapist: "olivia",
      goals: [{ description: "Take part in a 10-minute sensory circuit", unit: "minutes", baseline: 3, target: 10 }],
      delegations: [["ana", "sensory_activities", 0, "Swing, crash pad, then brushing. Latex-free gloves only.", "Each session"]],
    },
    {
      patient: "p07",
      therapist: "peter",
      goals: [{ description: "Active shoulder flexion to 120 degrees", unit: "degrees", baseline: 80, target: 120 }],
      delegations: [["sam", "range_of_motion", 0, "Wand exercises seated; no pushing up with the arms (sternal precautions).", "Each session"]],
    },
    {
      patient: "p08",
      therapist: "peter",
      goals: [{ description: "Walk 500 ft independently", unit: "ft", baseline: 200, target: 500 }],
      delegations: [["sam", "therapeutic_exercise", 0, "Lower-body conditioning; no weight through the right arm.", "Each session"]],
    },
    {
      patient: "p09",
      therapist: "peter",
      goals: [{ description: "Climb 12 stairs step-over-step", unit: "steps", baseline: 4, target: 12 }],
      delegations: [
        ["ana", "gait_training", 0, "Practice stairs with rail; check glucose log before exercise.", "Each session"],
        ["sam", "gait_training", 0, "Practice stairs with rail; check glucose log before exercise.", "Each session"],
      ],
    },
    {
      patient: "p10",
      therapist: "olivia",
      goals: [{ description: "Bed-to-chair transfers with minimal assistance", unit: "transfers", baseline: 1, target: 5 }],
      delegations: [["ana", "transfer_training", 0, "Stand-pivot with gait belt; upright for all drinks (aspiration risk).", "Each session"]],
    },
    {
      patient: "p11",
      therapist: "peter",
      goals: [{ description: "Berg Balance Scale score of 45", unit: "points", baseline: 32, target: 45 }],
      delegations: [["sam", "balance_activities", 0, "Static then dynamic standing balance; interpreter for Japanese.", "Each session"]],
    },
    {
      patient: "p12",
      therapist: "peter",
      goals: [{ description: "Lift 10 lb from waist height with good mechanics", unit: "lb", baseline: 0, target: 10 }],
      delegations: [],
    },
  ],
  day: [
    { time: "08:00", minutes: 45, patient: "p01", therapist: "peter", assistant: "ana", room: "gym" },
    { time: "09:00", minutes: 45, patient: "p03", therapist: "olivia", assistant: "ana", room: "sensory" },
    { time: "09:00", minutes: 45, patient: "p04", therapist: "peter", assistant: "sam", room: "tr1" },
    { time: "10:00", minutes: 45, patient: "p02", therapist: "peter", assistant: "ana", room: "gym" },
    { time: "11:00", minutes: 45, patient: "p06", therapist: "olivia", assistant: "ana", room: "sensory" },
    { time: "11:00", minutes: 45, patient: "p07", therapist: "peter", assistant: "sam", room: "gym" },
    { time: "13:00", minutes: 45, patient: "p10", therapist: "olivia", assistant: "ana", room: "speech" },
    { time: "13:00", minutes: 45, patient: "p08", therapist: "peter", assistant: "sam", room: "tr1" },
    { time: "14:00", minutes: 45, patient: "p09", therapist: "peter", assistant: "ana", room: "gym" },
    { time: "15:00", minutes: 45, patient: "p05", therapist: "olivia", assistant: "ana", room: "speech" },
    { time: "15:00", minutes: 45, patient: "p11", therapist: "peter", assistant: "sam", room: "gym" },
    { time: "16:00", minutes: 45, patient: "p12", therapist: "peter", assistant: null, room: "tr1" },
  ],
};

export const HARBOR_CARE: ClinicCare = {
  timeZone: "America/New_York",
  competencies: [
    ["hugo", "gait_training", "theo"],
    ["hugo", "therapeutic_exercise", "theo"],
  ],
  plans: [
    {
      patient: "p01",
      therapist: "theo",
      goals: [{ description: "Walk 200 ft with a cane", unit: "ft", baseline: 60, target: 200 }],
      delegations: [["hugo", "gait_training", 0, "Quad cane, gait belt on.", "Each session"]],
    },
    {
      patient: "p02",
      therapist: "theo",
      goals: [{ description: "Squat to 90 degrees pain-free", unit: "degrees", baseline: 45, target: 90 }],
      delegations: [["hugo", "therapeutic_exercise", 0, "Wall squats, 3 × 10.", "Each session"]],
    },
    {
      patient: "p03",
      therapist: "theo",
      goals: [{ description: "Shoulder abduction to 90 degrees", unit: "degrees", baseline: 50, target: 90 }],
      delegations: [["hugo", "therapeutic_exercise", 0, "Band exercises below shoulder height only.", "Each session"]],
    },
    { patient: "p04", therapist: "theo", goals: [{ description: "Walk 100 ft on 2L oxygen", unit: "ft", baseline: 30, target: 100 }], delegations: [] },
  ],
  day: [
    { time: "09:00", minutes: 45, patient: "p01", therapist: "theo", assistant: "hugo", room: "gym" },
    { time: "10:00", minutes: 45, patient: "p02", therapist: "theo", assistant: "hugo", room: "gym" },
    { time: "11:00", minutes: 45, patient: "p03", therapist: "theo", assistant: "hugo", room: "gym" },
    { time: "13:00", minutes: 45, patient: "p04", therapist: "theo", assistant: null, room: "tr1" },
  ],
};

/** "YYYY-MM-DD" of `at` in the zone. */
export function localDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(at);
}

function addDays(day: string, n: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

function isoWeekday(day: string): number {
  const w = new Date(`${day}T12:00:00Z`).getUTCDay();
  return w === 0 ? 7 : w;
}

/** Deterministic 0..1 from a string, so past attendance looks varied but reseeds identically. */
function unit(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 10_000) / 10_000;
}

export const DEMO_DAYS_BACK = 28;
export const DEMO_DAYS_AHEAD = 21;

/**
 * Goals, competencies, delegations, and appointments from four weeks back to three weeks ahead,
 * computed from today's date in the clinic's zone, so the demo always has a today. Past appointments
 * get recorded attendance. Times are local wall-clock times converted by PostgreSQL (DST-correct).
 */
export async function seedCare(tx: Tx, care: ClinicCare, id: Key, clinicId: string, now = new Date()): Promise<void> {
  const uid = (k: string) => id(`user:${k}`);
  const pid = (k: string) => id(`patient:${k}`);
  const today = localDate(now, care.timeZone);
  const periodStart = addDays(today, -DEMO_DAYS_BACK - 14);

  await tx
    .insert(competencies)
    .values(
      care.competencies.map(([a, task, by]) => ({
        id: id(`competency:${a}:${task}`),
        clinicId,
        assistantId: uid(a),
        taskType: task,
        verifiedBy: uid(by),
        verifiedAt: new Date(`${periodStart}T17:00:00Z`),
      })),
    )
    .onConflictDoNothing();

  for (const plan of care.plans) {
    const goalIds = plan.goals.map((_, i) => id(`goal:${plan.patient}:${i}`));
    await tx
      .insert(goals)
      .values(
        plan.goals.map((g, i) => ({
          id: goalIds[i]!,
          clinicId,
          patientId: pid(plan.patient),
          therapistId: uid(plan.therapist),
          description: g.description,
          unit: g.unit,
          baseline: g.baseline,
          target: g.target,
          targetDate: addDays(today, 60),
        })),
      )
      .onConflictDoNothing();
    if (plan.delegations.length) {
      await tx
        .insert(delegations)
        .values(
          plan.delegations.map(([a, task, goal, instructions, frequency]) => ({
            id: id(`delegation:${plan.patient}:${a}:${task}`),
            clinicId,
            patientId: pid(plan.patient),
            therapistId: uid(plan.therapist),
            assistantId: uid(a),
            taskType: task,
            goalId: goal === null ? null : goalIds[goal]!,
            instructions,
            frequency,
            startsOn: periodStart,
          })),
        )
        .onConflictDoNothing();
    }
  }

  const rows = [];
  for (let offset = -DEMO_DAYS_BACK; offset <= DEMO_DAYS_AHEAD; offset++) {
    const day = addDays(today, offset);
    if (offset !== 0 && isoWeekday(day) > 5) continue;
    for (const s of care.day) {
      const key = `appt:${s.patient}:${day}:${s.time}`;
      const startsAt = sql`((${day}::date + ${s.time}::time) at time zone ${care.timeZone})`;
      const endsAt = sql`((${day}::date + ${s.time}::time + make_interval(mins => ${s.minutes})) at time zone ${care.timeZone})`;
      let attendance: "present" | "late" | "no_show" | "cancelled" | null = null;
      if (offset < 0) {
        const r = unit(key);
        attendance = r < 0.82 ? "present" : r < 0.9 ? "late" : r < 0.96 ? "no_show" : "cancelled";
      }
      const recorder = s.assistant ? uid(s.assistant) : uid(s.therapist);
      rows.push({
        id: id(key),
        clinicId,
        patientId: pid(s.patient),
        therapistId: uid(s.therapist),
        assistantId: s.assistant ? uid(s.assistant) : null,
        roomId: id(`room:${s.room}`),
        startsAt,
        endsAt,
        attendance,
        arrivedAt: attendance === "late" ? sql`${startsAt} + interval '12 minutes'` : attendance === "present" ? startsAt : null,
        attendanceRecordedBy: attendance ? recorder : null,
        attendanceRecordedAt: attendance ? sql`${startsAt} + interval '5 minutes'` : null,
      });
    }
  }
  // ON CONFLICT DO NOTHING without a target also skips exclusion-constraint clashes, e.g. with an
  // appointment an admin has since moved into that slot.
  for (let i = 0; i < rows.length; i += 200) {
    await tx.insert(appointments).values(rows.slice(i, i + 200)).onConflictDoNothing();
  }
}
