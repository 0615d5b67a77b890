import { AlertTriangle, CheckCircle2, Circle, Clock } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

type Status = "not_started" | "in_progress" | "ready";

export function PrepStatusBadge({ status, flagged }: { status: Status; flagged?: boolean }) {
  const t = useTranslations("rooms.prep");
  if (status === "ready")
    return (
      <Badge tone="success">
        <CheckCircle2 aria-hidden className="h-4 w-4" /> {t("ready")}
      </Badge>
    );
  return (
    <span className="inline-flex flex-wrap gap-2">
      {status === "in_progress" ? (
        <Badge tone="info">
          <Clock aria-hidden className="h-4 w-4" /> {t("inProgress")}
        </Badge>
      ) : (
        <Badge tone="neutral">
          <Circle aria-hidden className="h-4 w-4" /> {t("notStarted")}
        </Badge>
      )}
      {flagged ? (
        <Badge tone="danger">
          <AlertTriangle aria-hidden className="h-4 w-4" /> {t("flagged")}
        </Badge>
      ) : null}
    </span>
  );
}
