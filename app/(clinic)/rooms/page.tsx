import type { Metadata } from "next";
import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { EquipmentAlerts } from "@/components/rooms/equipment-badge";
import { PrepStatusBadge } from "@/components/rooms/prep-status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listMaintenanceDue, listRoomsForDay, type RoomDayRow } from "@/lib/rooms/queries";
import { ROOM_KIND_LABEL } from "@/lib/rooms/schemas";
import { clinicToday, formatClinicDate, formatClinicTime } from "@/lib/time";

export const metadata: Metadata = { title: "Rooms" };
export const dynamic = "force-dynamic";

export default async function RoomsPage() {
  const actor = await requirePermission("room:list", "/rooms");
  const tz = actor.clinic.timeZone;
  const today = clinicToday(tz);
  const [rooms, due] = await Promise.all([listRoomsForDay(actor, today), listMaintenanceDue(actor, today)]);
  const inUse = rooms.filter((r) => r.appointments > 0);
  const idle = rooms.filter((r) => r.appointments === 0);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Rooms</h1>
          <p className="text-lg text-muted-foreground">{formatClinicDate(new Date(), tz)}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {can(actor, "checklist:manage") ? (
            <Button asChild variant="secondary">
              <Link href="/rooms/checklists">Checklists</Link>
            </Button>
          ) : null}
          <Button asChild variant="secondary">
            <Link href="/supplies">Supplies</Link>
          </Button>
        </div>
      </div>

      <section aria-labelledby="in-use-title" className="space-y-3">
        <h2 id="in-use-title" className="text-xl font-semibold">
          In use today
        </h2>
        {inUse.length ? <RoomList rooms={inUse} timeZone={tz} /> : <p className="text-muted-foreground">No appointments are booked in any room today.</p>}
      </section>

      {idle.length ? (
        <section aria-labelledby="idle-title" className="space-y-3">
          <h2 id="idle-title" className="text-xl font-semibold">
            Not booked today
          </h2>
          <RoomList rooms={idle} timeZone={tz} />
        </section>
      ) : null}

      <Card aria-labelledby="due-title">
        <CardTitle id="due-title">Maintenance due within 7 days</CardTitle>
        {due.length ? (
          <ul className="mt-3 divide-y divide-border">
            {due.map((e) => (
              <li key={e.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span className="font-semibold">
                  {e.name} <span className="font-normal text-muted-foreground">· {e.roomName}</span>
                </span>
                <span className={e.nextMaintenanceOn! < today ? "font-semibold text-danger" : ""}>
                  {e.nextMaintenanceOn! < today ? "Overdue since " : "Due "}
                  {e.nextMaintenanceOn}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted-foreground">Nothing is due this week.</p>
        )}
      </Card>
    </div>
  );
}

function RoomList({ rooms, timeZone }: { rooms: RoomDayRow[]; timeZone: string }) {
  return (
    <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-surface" aria-label="Rooms">
      {rooms.map((r) => (
        <li key={r.id}>
          <Link
            href={`/rooms/${r.id}`}
            prefetch={false}
            className="flex min-h-16 items-center gap-4 px-4 py-3 hover:bg-muted"
          >
            <div className="min-w-0 flex-1 space-y-2">
              <p className="text-lg font-semibold">
                {r.name}{" "}
                <span className="text-base font-normal text-muted-foreground">
                  · {ROOM_KIND_LABEL[r.kind as keyof typeof ROOM_KIND_LABEL]}
                  {r.firstAppointmentAt ? ` · first patient ${formatClinicTime(r.firstAppointmentAt, timeZone)} · ${r.appointments} booked` : ""}
                </span>
              </p>
              <div className="flex flex-wrap gap-2" data-testid={`room-status-${r.id}`}>
                <PrepStatusBadge status={r.status} flagged={r.flaggedNotReady} />
                <EquipmentAlerts outOfService={r.outOfService} needsService={r.needsService} />
              </div>
            </div>
            <ChevronRight aria-hidden className="h-6 w-6 shrink-0 text-muted-foreground" />
          </Link>
        </li>
      ))}
    </ul>
  );
}
