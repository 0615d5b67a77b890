"use client";

import dynamic from "next/dynamic";

// recharts is loaded only where a chart is shown, and only in the browser, so other pages stay light.
const loading = () => <div className="h-48 animate-pulse rounded-lg bg-muted" aria-hidden />;
export const GoalChart = dynamic(() => import("./charts-impl").then((m) => m.GoalChart), { ssr: false, loading });
export const AttitudeChart = dynamic(() => import("./charts-impl").then((m) => m.AttitudeChart), { ssr: false, loading });
export const AttendanceChart = dynamic(() => import("./charts-impl").then((m) => m.AttendanceChart), { ssr: false, loading });
