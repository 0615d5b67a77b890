import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChevronLeft } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rooms"))("room") };
}
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
  const [t, locale] = await Promise.all([getTranslations("rooms"), getLocale()]);
  return (
    <ClientMessages part="rooms">
      <div className="space-y-6">
        <Link href="/rooms" className="inline-flex min-h-11 items-center gap-1 font-semibold text-primary">
          <ChevronLeft aria-hidden className="h-5 w-5" /> {t("allRooms")}
        </Link>
        <div className="space-y-2">
          <h1 className="text-3xl font-bold">{view.room.name}</h1>
          <p className="text-lg text-muted-foreground">
            {formatClinicDate(new Date(), tz, locale)}
            {` · ${first ? t("firstPatient", { time: formatClinicTime(first, tz, locale), count: view.appointmentTimes.length }) : t("noAppointments")}`}
          </p>
          <div data-testid="room-prep-status">
            <PrepStatusBadge status={status} flagged={isFlaggedNotReady(status, first, new Date())} />
          </div>
        </div>
        <Card aria-labelledby="checklist-title">
          <CardTitle id="checklist-title">{t("todaysChecklist")}</CardTitle>
          {view.prep ? (
            <PrepChecklist
              prep={view.prep}
              canPrep={can(actor, "room:prep")}
              timeZone={tz}
              actions={{ checkItem, uncheckItem, saveItemNote, completePrep }}
            />
          ) : (
            <p className="mt-2 text-muted-foreground">{t("notStartedYet")}</p>
          )}
        </Card>
        <Card aria-labelledby="equipment-title">
          <CardTitle id="equipment-title">{t("equipment")}</CardTitle>
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
    </ClientMessages>
  );
}

async function loadRoomDay(actor: Actor, roomId: string, day: string) {
  // Opening the room is when today's checklist is first needed: make it (once) for those who prep.
  if (can(actor, "room:prep")) await orNotFound(ensureRoomPrep(actor, { roomId, day }));
  return orNotFound(getRoomDay(actor, roomId, day));
}
