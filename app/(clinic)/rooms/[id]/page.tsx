import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { AddEquipmentForm } from "@/components/rooms/add-equipment-form";
import { EquipmentList } from "@/components/rooms/equipment-list";
import { PrepChecklist } from "@/components/rooms/prep-checklist";
import { PrepStatusBadge } from "@/components/rooms/prep-status-badge";
import { Card, CardTitle } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { ensureRoomPrep } from "@/lib/rooms/ensure-room-prep";
import { getRoomDay, isFlaggedNotReady } from "@/lib/rooms/queries";
import { clinicToday, formatClinicDate, formatClinicTime } from "@/lib/time";
import { addEquipment, checkItem, completePrep, saveEquipmentStatus, saveItemNote, uncheckItem } from "../actions";

export const metadata: Metadata = { title: "Room" };
export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function RoomPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requirePermission("room:list", `/rooms/${id}`);
  if (!UUID.test(id)) notFound();
  const tz = actor.clinic.timeZone;
  const today = clinicToday(tz);
  const view = await loadRoomDay(actor, id, today);
  const first = view.appointmentTimes[0] ?? null;
    const status = view.prep?.status ?? "not_started";
    return (
      <div className="space-y-6">
        <Link href="/rooms" className="inline-flex min-h-11 items-center gap-1 font-semibold text-primary">
          <ChevronLeft aria-hidden className="h-5 w-5" /> All rooms
        </Link>
        <div className="space-y-2">
          <h1 className="text-3xl font-bold">{view.room.name}</h1>
          <p className="text-lg text-muted-foreground">
            {formatClinicDate(new Date(), tz)}
            {first ? ` · first patient ${formatClinicTime(first, tz)} · ${view.appointmentTimes.length} booked` : " · no appointments today"}
          </p>
          <div data-testid="room-prep-status">
            <PrepStatusBadge status={status} flagged={isFlaggedNotReady(status, first, new Date())} />
          </div>
        </div>
        <Card aria-labelledby="checklist-title">
          <CardTitle id="checklist-title">Today&apos;s checklist</CardTitle>
          {view.prep ? (
            <PrepChecklist
              prep={view.prep}
              canPrep={can(actor, "room:prep")}
              timeZone={tz}
              actions={{ checkItem, uncheckItem, saveItemNote, completePrep }}
            />
          ) : (
            <p className="mt-2 text-muted-foreground">Nobody has started preparing this room today.</p>
          )}
        </Card>
        <Card aria-labelledby="equipment-title">
          <CardTitle id="equipment-title">Equipment</CardTitle>
          <EquipmentList
            items={view.equipment.map((e) => ({
              id: e.id,
              name: e.name,
              status: e.status,
              statusNote: e.statusNote,
              nextMaintenanceOn: e.nextMaintenanceOn,
              version: e.version,
            }))}
            today={today}
            canUpdate={can(actor, "equipment:update")}
            onSave={saveEquipmentStatus}
          />
          {can(actor, "room:manage") ? <AddEquipmentForm roomId={view.room.id} onSubmit={addEquipment} /> : null}
        </Card>
      </div>
    );
}

async function loadRoomDay(actor: Actor, roomId: string, day: string) {
  // Opening the room is when today's checklist is first needed: make it (once) for those who prep.
  if (can(actor, "room:prep")) await orNotFound(ensureRoomPrep(actor, { roomId, day }));
  return orNotFound(getRoomDay(actor, roomId, day));
}
