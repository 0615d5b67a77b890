"use client";

import { ArrowLeft, CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { FormMessage, type FormStatus } from "@/components/forms/form-message";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { openRequiredItems, type ViewRoomPrep } from "@/lib/offline/view";
import { formatClinicDate, formatClinicTime } from "@/lib/time";
import { PrepBadges } from "./prep-badges";
import { PrepItemRow } from "./prep-item-row";
import { useOffline } from "./offline-provider";
import { TabletLink } from "./tablet-link";

// Strings of this screen, until they move to the `tablet.rooms` catalog namespace.
const S = {
  back: "All rooms",
  notFound: "This room is not on this tablet. Connect to the Wi-Fi and open Rooms again.",
  booked: (time: string, n: number) => ` · first patient ${time} · ${n} booked`,
  noAppointments: " · no appointments today",
  checklist: "Today's checklist",
  noPrep: "Nobody has started preparing this room today, so this tablet has no checklist for it.",
  startOnline: "Start today's checklist (needs the Wi-Fi)",
  noItems: "This room has no checklist items today. Ask a therapist or admin to add a checklist under Rooms → Checklists; it applies from the next day's prep.",
  items: "Checklist items",
  markReady: "Mark room ready",
  allDone: "All required items are done.",
  stillOpen: (n: number) => `${n} required item${n === 1 ? "" : "s"} still open.`,
  notYet: (open: string[]) => {
    const list = open.slice(0, 3).map((l) => `“${l}”`).join(", ");
    const more = open.length > 3 ? ` and ${open.length - 3} more` : "";
    return `The room cannot be marked ready yet: ${open.length} required item${open.length === 1 ? " is" : "s are"} still open (${list}${more}).`;
  },
  ready: "Room ready",
  markedBy: (name: string, time: string) => ` · marked by ${name} at ${time}`,
  someone: "someone",
  readyLabel: (room: string) => `Room ready: ${room}`,
  readyWaiting: "Marked ready on this tablet. It will be sent when the Wi-Fi is back.",
};

/** A room's checklist for today from the device store; every tick, note and "room ready" goes through the outbox. */
export function RoomScreen({ roomId }: { roomId: string }) {
  const { view, write } = useOffline();
  const [status, setStatus] = useState<FormStatus>(null);
  if (!view) return null;
  const tz = view.clinic.timeZone;
  const room = view.rooms.find((r) => r.id === roomId);
  if (!room) return <Alert tone="warning">{S.notFound}</Alert>;
  const prep = view.roomPreps.find((p) => p.roomId === room.id && p.day === view.days.today);
  const first = room.firstAppointmentAt ? new Date(room.firstAppointmentAt) : null;

  async function markReady(p: ViewRoomPrep) {
    // the server's rule, checked here for a fast answer; the server checks again when it arrives
    const open = openRequiredItems(p);
    if (open.length) return setStatus({ tone: "danger", text: S.notYet(open) });
    setStatus(null);
    await write("room_prep.complete", { prepId: p.id }, { label: S.readyLabel(room!.name) });
  }

  return (
    <div className="space-y-6">
      <TabletLink href="/prep" className="inline-flex min-h-11 items-center gap-2 font-semibold text-primary">
        <ArrowLeft aria-hidden className="h-5 w-5" />
        {S.back}
      </TabletLink>
      <div className="space-y-2">
        <h1 className="text-3xl font-bold break-words">{room.name}</h1>
        <p className="text-lg text-muted-foreground">
          {formatClinicDate(new Date(), tz)}
          {first ? S.booked(formatClinicTime(first, tz), room.appointmentsToday) : S.noAppointments}
        </p>
        <div data-testid="room-prep-status">
          <PrepBadges room={room} prep={prep} />
        </div>
      </div>
      <Card aria-labelledby="checklist-title">
        <CardTitle id="checklist-title">{S.checklist}</CardTitle>
        {!prep ? (
          <div className="mt-2 space-y-2">
            <p className="text-muted-foreground">{S.noPrep}</p>
            {/* the server page makes today's prep when someone who preps opens it (online) */}
            <Link href={`/rooms/${room.id}`} prefetch={false} className="inline-flex min-h-11 items-center font-semibold text-primary underline">
              {S.startOnline}
            </Link>
          </div>
        ) : (
          <div className="mt-3 space-y-4">
            <FormMessage status={status} />
            {prep.items.length === 0 ? <p className="text-muted-foreground">{S.noItems}</p> : null}
            <ul className="divide-y divide-border" aria-label={S.items}>
              {prep.items.map((item) => (
                <li key={item.id} className="space-y-2 py-3">
                  <PrepItemRow item={item} editable={prep.status !== "ready"} timeZone={tz} onMessage={setStatus} />
                </li>
              ))}
            </ul>
            {prep.status === "ready" ? (
              <div className="space-y-2">
                <p className="flex items-center gap-2 text-lg font-semibold text-success">
                  <CheckCircle2 aria-hidden className="h-6 w-6" /> {S.ready}
                  {prep.completedAt ? S.markedBy(prep.completedByName ?? S.someone, formatClinicTime(new Date(prep.completedAt), tz)) : ""}
                </p>
                {prep.pending === "waiting" ? <p className="text-muted-foreground">{S.readyWaiting}</p> : null}
              </div>
            ) : (
              <div className="flex flex-wrap items-center gap-4">
                <Button size="lg" onClick={() => void markReady(prep)}>
                  {S.markReady}
                </Button>
                <p className="text-muted-foreground">{openRequiredItems(prep).length === 0 ? S.allDone : S.stillOpen(openRequiredItems(prep).length)}</p>
              </div>
            )}
          </div>
        )}
      </Card>
    </div>
  );
}
