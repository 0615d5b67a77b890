"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { AttendanceCounts, GoalSeries } from "@/lib/reports/figures";

const LEVEL_SCORE: Record<string, number> = { dependent: 0, maximal: 1, moderate: 2, minimal: 3, supervision: 4, independent: 5 };
const LEVEL_NAMES = ["Dependent", "Maximal", "Moderate", "Minimal", "Supervision", "Independent"];

export function GoalChart({ goal }: { goal: GoalSeries }) {
  const data = goal.points.map((p) => ({ date: p.date.slice(5), value: p.value, assist: p.assistLevel ? LEVEL_SCORE[p.assistLevel] : null }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" />
        <YAxis yAxisId="v" domain={[Math.min(goal.baseline ?? 0, 0), "auto"]} />
        <YAxis yAxisId="a" orientation="right" domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} tickFormatter={(v: number) => LEVEL_NAMES[v]?.slice(0, 3) ?? ""} />
        <Tooltip formatter={(v, name) => (name === "Assist level" ? (LEVEL_NAMES[Number(v)] ?? "") : `${String(v)} ${goal.unit}`)} />
        <Legend />
        <Line yAxisId="v" type="monotone" dataKey="value" name={`Value (${goal.unit})`} stroke="#1d4ed8" strokeWidth={3} connectNulls isAnimationActive={false} />
        <Line yAxisId="a" type="stepAfter" dataKey="assist" name="Assist level" stroke="#b45309" strokeDasharray="5 4" connectNulls isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function AttitudeChart({ points }: { points: { date: string; value: number }[] }) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={points.map((p) => ({ date: p.date.slice(5), value: p.value }))} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" />
        <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} />
        <Tooltip />
        <Line type="monotone" dataKey="value" name="Attitude (1–5)" stroke="#047857" strokeWidth={3} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function AttendanceChart({ counts }: { counts: AttendanceCounts }) {
  const data = [
    { status: "Present", n: counts.present },
    { status: "Late", n: counts.late },
    { status: "No-show", n: counts.no_show },
    { status: "Cancelled", n: counts.cancelled },
  ];
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="status" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Bar dataKey="n" name="Sessions" fill="#1d4ed8" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
