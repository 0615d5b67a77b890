"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { useTranslations } from "next-intl";
import type { AttendanceCounts, GoalSeries } from "@/lib/reports/figures";

const LEVEL_SCORE: Record<string, number> = { dependent: 0, maximal: 1, moderate: 2, minimal: 3, supervision: 4, independent: 5 };
const LEVELS = ["dependent", "maximal", "moderate", "minimal", "supervision", "independent"] as const;

export function GoalChart({ goal }: { goal: GoalSeries }) {
  const t = useTranslations("charts");
  const levels = useTranslations("assistLevels");
  const assistName = t("assistLevel");
  const data = goal.points.map((p) => ({ date: p.date.slice(5), value: p.value, assist: p.assistLevel ? LEVEL_SCORE[p.assistLevel] : null }));
  return (
    <ResponsiveContainer width="100%" height={240}>
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" />
        <YAxis yAxisId="v" domain={[Math.min(goal.baseline ?? 0, 0), "auto"]} />
        <YAxis yAxisId="a" orientation="right" domain={[0, 5]} ticks={[0, 1, 2, 3, 4, 5]} tickFormatter={(v: number) => (LEVELS[v] ? levels(LEVELS[v]!).slice(0, 3) : "")} />
        <Tooltip formatter={(v, name) => (name === assistName ? (LEVELS[Number(v)] ? levels(LEVELS[Number(v)]!) : "") : `${String(v)} ${goal.unit}`)} />
        <Legend />
        <Line yAxisId="v" type="monotone" dataKey="value" name={t("value", { unit: goal.unit })} stroke="#1d4ed8" strokeWidth={3} connectNulls isAnimationActive={false} />
        <Line yAxisId="a" type="stepAfter" dataKey="assist" name={assistName} stroke="#b45309" strokeDasharray="5 4" connectNulls isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function AttitudeChart({ points }: { points: { date: string; value: number }[] }) {
  const t = useTranslations("charts");
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={points.map((p) => ({ date: p.date.slice(5), value: p.value }))} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="date" />
        <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} />
        <Tooltip />
        <Line type="monotone" dataKey="value" name={t("attitude")} stroke="#047857" strokeWidth={3} isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export function AttendanceChart({ counts }: { counts: AttendanceCounts }) {
  const t = useTranslations("charts");
  const attendance = useTranslations("attendance");
  const data = [
    { status: attendance("present"), n: counts.present },
    { status: attendance("late"), n: counts.late },
    { status: attendance("no_show"), n: counts.no_show },
    { status: attendance("cancelled"), n: counts.cancelled },
  ];
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="status" />
        <YAxis allowDecimals={false} />
        <Tooltip />
        <Bar dataKey="n" name={t("sessions")} fill="#1d4ed8" isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
