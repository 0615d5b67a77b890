import type { Metadata } from "next";
import Link from "next/link";
import { OverdueSignoff } from "@/components/review/overdue-signoff";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { ROLE_LABEL } from "@/lib/auth/actor";
import { recentAuditEvents } from "@/lib/audit-log/queries";
import { requirePermission } from "@/lib/auth/session";
import { overdueSignoffs } from "@/lib/observations/review-queries";
import { listAppointments } from "@/lib/schedule/queries";
import { clinicDayRange, clinicToday, formatClinicDateTime } from "@/lib/time";
import { listUsers } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Administration" };

export default async function AdminPage() {
  const actor = await requirePermission("admin:view", "/admin");
  const tz = actor.clinic.timeZone;
  const day = clinicDayRange(clinicToday(tz), tz);
  const [staff, events, today, overdue] = await Promise.all([
    listUsers(actor),
    recentAuditEvents(actor, 25),
    listAppointments(actor, { from: day.start, to: day.end }),
    overdueSignoffs(actor),
  ]);
  const recorded = today.filter((a) => a.attendance).length;
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{actor.clinic.name}</h1>
      <Card>
        <CardTitle>Today</CardTitle>
        <p className="mt-2 text-lg">
          {today.length} appointment{today.length === 1 ? "" : "s"} booked; attendance recorded for {recorded}.
        </p>
        <p className="mt-3 flex flex-wrap gap-4">
          <Link className="font-semibold underline" href="/schedule?view=day">
            Today&apos;s schedule
          </Link>
          <Link className="font-semibold underline" href="/schedule/new">
            New booking
          </Link>
          <Link className="font-semibold underline" href="/admin/attendance">
            Attendance overview
          </Link>
        </p>
      </Card>
      <OverdueSignoff items={overdue} timeZone={tz} />
      <Card>
        <CardTitle>Staff</CardTitle>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">Staff accounts</caption>
            <thead className="text-muted-foreground">
              <tr>
                <th scope="col" className="py-2 pr-4">Name</th>
                <th scope="col" className="py-2 pr-4">Role</th>
                <th scope="col" className="py-2 pr-4">Email</th>
                <th scope="col" className="py-2 pr-4">Status</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {staff.map((u) => (
                <tr key={u.id}>
                  <td className="py-3 pr-4 font-semibold">
                    {u.name}
                    {u.title ? <span className="block text-sm font-normal text-muted-foreground">{u.title}</span> : null}
                  </td>
                  <td className="py-3 pr-4">{ROLE_LABEL[u.role]}</td>
                  <td className="py-3 pr-4 break-all">{u.email}</td>
                  <td className="py-3 pr-4">{u.active ? <Badge tone="success">Active</Badge> : <Badge>Deactivated</Badge>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
      <Card>
        <CardTitle>Recent activity (audit log)</CardTitle>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">The 25 most recent audit events</caption>
            <thead className="text-muted-foreground">
              <tr>
                <th scope="col" className="py-2 pr-4">When ({tz})</th>
                <th scope="col" className="py-2 pr-4">Who</th>
                <th scope="col" className="py-2 pr-4">Action</th>
                <th scope="col" className="py-2 pr-4">From</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-border">
              {events.map((e) => (
                <tr key={e.id}>
                  <td className="py-2 pr-4 whitespace-nowrap">{formatClinicDateTime(e.at, tz)}</td>
                  <td className="py-2 pr-4">{e.actorName ?? "—"}</td>
                  <td className="py-2 pr-4 font-mono text-sm">{e.action}</td>
                  <td className="py-2 pr-4 font-mono text-sm">{e.ip ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>
    </div>
  );
}
