"use client";

import { AlertTriangle, CheckCircle2, Circle, Clock, CloudOff, Wrench, XOctagon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { TabletView, ViewRoomPrep } from "@/lib/offline/view";
import { isFlaggedNotReady } from "@/lib/rooms/not-ready";

/** A room's prep status today, the "not ready" flag (only before its first session starts) and its equipment alerts. */
export function PrepBadges({ room, prep }: { room: TabletView["rooms"][number]; prep: ViewRoomPrep | undefined }) {
  const t = useTranslations("tablet.rooms");
  const status = prep?.status ?? "not_started";
  const flagged = isFlaggedNotReady(status, room.firstAppointmentAt ? new Date(room.firstAppointmentAt) : null, new Date());
  const Icon = status === "ready" ? CheckCircle2 : status === "in_progress" ? Clock : Circle;
  return (
    <span className="flex flex-wrap gap-2">
      <Badge tone={status === "ready" ? "success" : status === "in_progress" ? "info" : "neutral"}>
        <Icon aria-hidden className="h-4 w-4" /> {t(`status.${status}`)}
      </Badge>
      {prep?.pending === "waiting" ? (
        <Badge tone="warning">
          <CloudOff aria-hidden className="h-4 w-4" /> {t("waiting")}
        </Badge>
      ) : null}
      {flagged ? (
        <Badge tone="danger">
          <AlertTriangle aria-hidden className="h-4 w-4" /> {t("notReadySoon")}
        </Badge>
      ) : null}
      {room.outOfService.map((n) => (
        <Badge key={`o-${n}`} tone="danger">
          <XOctagon aria-hidden className="h-4 w-4" /> {t("outOfService", { name: n })}
        </Badge>
      ))}
      {room.needsService.map((n) => (
        <Badge key={`n-${n}`} tone="warning">
          <Wrench aria-hidden className="h-4 w-4" /> {t("needsService", { name: n })}
        </Badge>
      ))}
    </span>
  );
}
