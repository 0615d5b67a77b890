/** Figures of a progress report or a progress view, compiled from appointments and entries. Pure. */
export type AttendanceCounts = { present: number; late: number; no_show: number; cancelled: number; total: number; rate: number | null };
export type GoalSeries = {
  goalId: string;
  description: string;
  unit: string;
  baseline: number | null;
  target: number | null;
  points: { date: string; value: number | null; assistLevel: string | null }[];
  first: number | null;
  last: number | null;
};
export type Figures = {
  attendance: AttendanceCounts;
  attitude: { points: { date: string; value: number }[]; average: number | null; trend: "improving" | "steady" | "declining" | null };
  goals: GoalSeries[];
  accomplishments: { date: string; text: string }[];
};

export type FigureInput = {
  appointments: { date: string; attendance: "present" | "late" | "no_show" | "cancelled" | null }[];
  entries: { date: string; attitude: number | null; accomplishments: string }[];
  goalPoints: { goalId: string; description: string; unit: string; baseline: number | null; target: number | null; date: string; value: number | null; assistLevel: string | null }[];
};

const round1 = (n: number) => Math.round(n * 10) / 10;
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

export function compileFigures(input: FigureInput): Figures {
  const attendance: AttendanceCounts = { present: 0, late: 0, no_show: 0, cancelled: 0, total: 0, rate: null };
  for (const a of input.appointments) {
    if (!a.attendance) continue;
    attendance[a.attendance] += 1;
    attendance.total += 1;
  }
  // Attendance rate: sessions attended (on time or late) of those with recorded attendance, in percent.
  if (attendance.total) attendance.rate = Math.round((100 * (attendance.present + attendance.late)) / attendance.total);

  const entries = [...input.entries].sort((a, b) => a.date.localeCompare(b.date));
  const points = entries.filter((e) => e.attitude !== null).map((e) => ({ date: e.date, value: e.attitude! }));
  const avg = mean(points.map((p) => p.value));
  let trend: Figures["attitude"]["trend"] = null;
  if (points.length >= 2) {
    const half = Math.floor(points.length / 2);
    const diff = mean(points.slice(points.length - half).map((p) => p.value))! - mean(points.slice(0, half).map((p) => p.value))!;
    trend = diff > 0.25 ? "improving" : diff < -0.25 ? "declining" : "steady";
  }

  const byGoal = new Map<string, GoalSeries>();
  for (const g of [...input.goalPoints].sort((a, b) => a.date.localeCompare(b.date))) {
    const s = byGoal.get(g.goalId) ?? { goalId: g.goalId, description: g.description, unit: g.unit, baseline: g.baseline, target: g.target, points: [], first: null, last: null };
    s.points.push({ date: g.date, value: g.value, assistLevel: g.assistLevel });
    byGoal.set(g.goalId, s);
  }
  for (const s of byGoal.values()) {
    const values = s.points.map((p) => p.value).filter((v): v is number => v !== null);
    s.first = values[0] ?? null;
    s.last = values.at(-1) ?? null;
  }

  return {
    attendance,
    attitude: { points, average: avg === null ? null : round1(avg), trend },
    goals: [...byGoal.values()].sort((a, b) => a.description.localeCompare(b.description)),
    accomplishments: entries.filter((e) => e.accomplishments.trim()).map((e) => ({ date: e.date, text: e.accomplishments.trim() })),
  };
}

export function isFigures(v: unknown): v is Figures {
  const f = v as Figures | null;
  return !!f && typeof f === "object" && !!f.attendance && !!f.attitude && Array.isArray(f.goals) && Array.isArray(f.accomplishments);
}
