import type { Metadata } from "next";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { attendanceOverview, rate, type AttendanceCounts } from "@/lib/attendance-overview/queries";
import { requirePermission } from "@/lib/auth/session";
import { clinicToday } from "@/lib/time";
import { periodParams, type SearchParams } from "@/lib/validation";

export const metadata: Metadata = { title: "Attendance" };

function Rates({ c }: { c: AttendanceCounts }) {
  return (
    <>
      <td className="p-2 tabular-nums">{c.total}</td>
      <td className="p-2 tabular-nums">{rate(c.present, c.total)}</td>
      <td className="p-2 tabular-nums">{rate(c.late, c.total)}</td>
      <td className="p-2 tabular-nums">{rate(c.noShow, c.total)}</td>
      <td className="p-2 tabular-nums">{rate(c.cancelled, c.total)}</td>
      <td className="p-2 tabular-nums">{c.unrecorded}</td>
    </>
  );
}

function Head({ first }: { first: string }) {
  return (
    <thead className="bg-muted">
      <tr>
        {[first, "Appointments", "Present", "Late", "No-show", "Cancelled", "Not recorded"].map((h) => (
          <th key={h} scope="col" className="p-2">
            {h}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export default async function AttendancePage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("schedule:view", "/admin/attendance");
  const sp = await searchParams;
  const { from, to } = periodParams(clinicToday(actor.clinic.timeZone), sp.from, sp.to, 28);
  const o = await attendanceOverview(actor, { from, to });
  return (
    <div className="space-y-5">
      <h1 className="text-3xl font-bold">Attendance</h1>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Attendance period">
        <div className="space-y-1">
          <Label htmlFor="from">From</Label>
          <Input id="from" name="from" type="date" defaultValue={from} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="to">To</Label>
          <Input id="to" name="to" type="date" defaultValue={to} />
        </div>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>
      <p className="text-lg">
        {o.totals.total} appointments so far in this period: {rate(o.totals.present, o.totals.total)} present, {rate(o.totals.late, o.totals.total)} late,{" "}
        {rate(o.totals.noShow, o.totals.total)} no-show, {rate(o.totals.cancelled, o.totals.total)} cancelled.
      </p>
      <Card>
        <CardTitle>By patient</CardTitle>
        <div className="mt-3 overflow-x-auto" role="region" aria-label="Attendance by patient" tabIndex={0}>
          <table className="w-full text-left">
            <caption className="sr-only">Attendance rates by patient</caption>
            <Head first="Patient" />
            <tbody className="divide-y divide-border">
              {o.byPatient.map((p) => (
                <tr key={p.patientId}>
                  <th scope="row" className="p-2 text-left font-semibold">
                    {p.name} <span className="font-mono text-sm font-normal">{p.mrn}</span>
                  </th>
                  <Rates c={p} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card>
        <CardTitle>By day</CardTitle>
        <div className="mt-3 overflow-x-auto" role="region" aria-label="Attendance by day" tabIndex={0}>
          <table className="w-full text-left">
            <caption className="sr-only">Attendance rates by day</caption>
            <Head first="Day" />
            <tbody className="divide-y divide-border">
              {o.byDay.map((d) => (
                <tr key={d.date}>
                  <th scope="row" className="p-2 text-left font-semibold tabular-nums">
                    {d.date}
                  </th>
                  <Rates c={d} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
