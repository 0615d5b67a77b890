"use client";

import { ChevronRight } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import type { TabletView } from "@/lib/offline/view";
import { formatClinicDate, formatClinicTime } from "@/lib/time";
import { PrepBadges } from "./prep-badges";
import { useOffline } from "./offline-provider";
import { TabletLink } from "./tablet-link";

type Room = TabletView["rooms"][number];
const KINDS = ["gym", "treatment", "sensory", "speech", "aquatic", "group"] as const;
const isKind = (k: string): k is (typeof KINDS)[number] => (KINDS as readonly string[]).includes(k);

/** Today's rooms from the device store (the working set carries every active room of the clinic). */
export function RoomsScreen() {
  const { view } = useOffline();
  const t = useTranslations("tablet.rooms");
  const locale = useLocale();
  if (!view) return null;
  const tz = view.clinic.timeZone;
  const inUse = view.rooms.filter((r) => r.appointmentsToday > 0).sort(byFirst);
  const idle = view.rooms.filter((r) => r.appointmentsToday === 0);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-lg text-muted-foreground">{formatClinicDate(new Date(), tz, locale)}</p>
      </div>
      <section aria-labelledby="in-use-title" className="space-y-3">
        <h2 id="in-use-title" className="text-xl font-semibold">
          {t("inUse")}
        </h2>
        {inUse.length ? <RoomList view={view} rooms={inUse} /> : <p className="text-muted-foreground">{t("noneInUse")}</p>}
      </section>
      {idle.length ? (
        <section aria-labelledby="idle-title" className="space-y-3">
          <h2 id="idle-title" className="text-xl font-semibold">
            {t("idle")}
          </h2>
          <RoomList view={view} rooms={idle} />
        </section>
      ) : null}
    </div>
  );
}

function byFirst(a: Room, b: Room): number {
  return (a.firstAppointmentAt ?? "").localeCompare(b.firstAppointmentAt ?? "") || a.name.localeCompare(b.name);
}

function RoomList({ view, rooms }: { view: TabletView; rooms: Room[] }) {
  const t = useTranslations("tablet.rooms");
  const locale = useLocale();
  const tz = view.clinic.timeZone;
  return (
    <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-surface">
      {rooms.map((r) => {
        const prep = view.roomPreps.find((p) => p.roomId === r.id && p.day === view.days.today);
        return (
          <li key={r.id}>
            <TabletLink href={`/prep/${r.id}`} className="flex min-h-16 items-center gap-4 px-4 py-3 hover:bg-muted">
              <div className="min-w-0 flex-1 space-y-2">
                <p className="text-lg font-semibold">
                  {r.name}{" "}
                  <span className="text-base font-normal text-muted-foreground">
                    · {isKind(r.kind) ? t(`kind.${r.kind}`) : r.kind}
                    {r.firstAppointmentAt ? t("booked", { time: formatClinicTime(new Date(r.firstAppointmentAt), tz, locale), count: r.appointmentsToday }) : ""}
                  </span>
                </p>
                <PrepBadges room={r} prep={prep} />
              </div>
              <ChevronRight aria-hidden className="h-6 w-6 shrink-0 text-muted-foreground" />
            </TabletLink>
          </li>
        );
      })}
    </ul>
  );
}
