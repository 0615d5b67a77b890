"use client";

import { ArrowLeft, CheckCircle2 } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
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

/** A room's checklist for today from the device store; every tick, note and "room ready" goes through the outbox. */
export function RoomScreen({ roomId }: { roomId: string }) {
  const { view, write } = useOffline();
  const t = useTranslations("tablet.rooms");
  const locale = useLocale();
  const [status, setStatus] = useState<FormStatus>(null);
  if (!view) return null;
  const tz = view.clinic.timeZone;
  const room = view.rooms.find((r) => r.id === roomId);
  if (!room) return <Alert tone="warning">{t("notFound")}</Alert>;
  const prep = view.roomPreps.find((p) => p.roomId === room.id && p.day === view.days.today);
  const first = room.firstAppointmentAt ? new Date(room.firstAppointmentAt) : null;

  async function markReady(p: ViewRoomPrep) {
    // the server's rule, checked here for a fast answer; the server checks again when it arrives
    const open = openRequiredItems(p);
    if (open.length) {
      const quoted = open.slice(0, 3).map((l) => `“${l}”`).join(", ");
      const list = open.length > 3 ? t("andMore", { list: quoted, count: open.length - 3 }) : quoted;
      return setStatus({ tone: "danger", text: t("notYet", { count: open.length, list }) });
    }
    setStatus(null);
    await write("room_prep.complete", { prepId: p.id }, { label: t("readyLabel", { room: room!.name }) });
  }

  return (
    <div className="space-y-6">
      <TabletLink href="/prep" className="inline-flex min-h-11 items-center gap-2 font-semibold text-primary">
        <ArrowLeft aria-hidden className="h-5 w-5" />
        {t("back")}
      </TabletLink>
      <div className="space-y-2">
        <h1 className="text-3xl font-bold break-words">{room.name}</h1>
        <p className="text-lg text-muted-foreground">
          {formatClinicDate(new Date(), tz, locale)}
          {first ? t("booked", { time: formatClinicTime(first, tz, locale), count: room.appointmentsToday }) : t("noAppointments")}
        </p>
        <div data-testid="room-prep-status">
          <PrepBadges room={room} prep={prep} />
        </div>
      </div>
      <Card aria-labelledby="checklist-title">
        <CardTitle id="checklist-title">{t("checklist")}</CardTitle>
        {!prep ? (
          <div className="mt-2 space-y-2">
            <p className="text-muted-foreground">{t("noPrep")}</p>
            {/* the server page makes today's prep when someone who preps opens it (online) */}
            <Link href={`/rooms/${room.id}`} prefetch={false} className="inline-flex min-h-11 items-center font-semibold text-primary underline">
              {t("startOnline")}
            </Link>
          </div>
        ) : (
          <div className="mt-3 space-y-4">
            <FormMessage status={status} />
            {prep.items.length === 0 ? <p className="text-muted-foreground">{t("noItems")}</p> : null}
            <ul className="divide-y divide-border" aria-label={t("items")}>
              {prep.items.map((item) => (
                <li key={item.id} className="space-y-2 py-3">
                  <PrepItemRow item={item} editable={prep.status !== "ready"} timeZone={tz} onMessage={setStatus} />
                </li>
              ))}
            </ul>
            {prep.status === "ready" ? (
              <div className="space-y-2">
                <p className="flex items-center gap-2 text-lg font-semibold text-success">
                  <CheckCircle2 aria-hidden className="h-6 w-6" /> {t("ready")}
                  {prep.completedAt ? t("markedBy", { name: prep.completedByName ?? t("someone"), time: formatClinicTime(new Date(prep.completedAt), tz, locale) }) : ""}
                </p>
                {prep.pending === "waiting" ? <p className="text-muted-foreground">{t("readyWaiting")}</p> : null}
              </div>
            ) : (
              <div className="flex flex-wrap items-center gap-4">
                <Button size="lg" onClick={() => void markReady(prep)}>
                  {t("markReady")}
                </Button>
                <p className="text-muted-foreground">{openRequiredItems(prep).length === 0 ? t("allDone") : t("stillOpen", { count: openRequiredItems(prep).length })}</p>
              </div>
            )}
          </div>
        )}
      </Card>
    </div>
  );
}
