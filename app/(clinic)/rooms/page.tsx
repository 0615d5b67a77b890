import type { Metadata } from "next";
import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { EquipmentAlerts } from "@/components/rooms/equipment-badge";
import { PrepStatusBadge } from "@/components/rooms/prep-status-badge";
import { Button } from "@/components/ui/button";
import { Card, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listMaintenanceDue, listRoomsForDay, type RoomDayRow } from "@/lib/rooms/queries";
import { clinicToday, formatClinicDate, formatClinicTime, formatDay } from "@/lib/time";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rooms"))("title") };
}
export const dynamic = "force-dynamic";

export default async function RoomsPage() {
  const actor = await requirePermission("room:list", "/rooms");
  const tz = actor.clinic.timeZone;
  const today = clinicToday(tz);
  const [rooms, due, t, locale] = await Promise.all([listRoomsForDay(actor, today), listMaintenanceDue(actor, today), getTranslations("rooms"), getLocale()]);
  const inUse = rooms.filter((r) => r.appointments > 0);
  const idle = rooms.filter((r) => r.appointments === 0);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          <p className="text-lg text-muted-foreground">{formatClinicDate(new Date(), tz, locale)}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {can(actor, "checklist:manage") ? (
            <Button asChild variant="secondary">
              <Link href="/rooms/checklists">{t("checklists")}</Link>
            </Button>
          ) : null}
          <Button asChild variant="secondary">
            <Link href="/supplies">{t("supplies")}</Link>
          </Button>
        </div>
      </div>

      <section aria-labelledby="in-use-title" className="space-y-3">
        <h2 id="in-use-title" className="text-xl font-semibold">
          {t("inUse")}
        </h2>
        {inUse.length ? <RoomList rooms={inUse} timeZone={tz} /> : <p className="text-muted-foreground">{t("noneInUse")}</p>}
      </section>

      {idle.length ? (
        <section aria-labelledby="idle-title" className="space-y-3">
          <h2 id="idle-title" className="text-xl font-semibold">
            {t("idle")}
          </h2>
          <RoomList rooms={idle} timeZone={tz} />
        </section>
      ) : null}

      <Card aria-labelledby="due-title">
        <CardTitle id="due-title">{t("maintenanceDue")}</CardTitle>
        {due.length ? (
          <ul className="mt-3 divide-y divide-border">
            {due.map((e) => (
              <li key={e.id} className="flex flex-wrap justify-between gap-2 py-2">
                <span className="font-semibold">
                  {e.name} <span className="font-normal text-muted-foreground">· {e.roomName}</span>
                </span>
                <span className={e.nextMaintenanceOn! < today ? "font-semibold text-danger" : ""}>
                  {e.nextMaintenanceOn! < today ? t("overdueSince", { day: formatDay(e.nextMaintenanceOn!, locale) }) : t("due", { day: formatDay(e.nextMaintenanceOn!, locale) })}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted-foreground">{t("nothingDue")}</p>
        )}
      </Card>
    </div>
  );
}

async function RoomList({ rooms, timeZone }: { rooms: RoomDayRow[]; timeZone: string }) {
  const [t, kinds, locale] = await Promise.all([getTranslations("rooms"), getTranslations("roomKinds"), getLocale()]);
  return (
    <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-surface" aria-label={t("list")}>
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
                  · {kinds.has(r.kind as "gym") ? kinds(r.kind as "gym") : r.kind}
                  {r.firstAppointmentAt ? ` · ${t("firstPatient", { time: formatClinicTime(r.firstAppointmentAt, timeZone, locale), count: r.appointments })}` : ""}
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
