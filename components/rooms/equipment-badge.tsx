import { Wrench, XOctagon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

export function EquipmentAlerts({ outOfService, needsService }: { outOfService: string[]; needsService: string[] }) {
  const t = useTranslations("rooms");
  if (!outOfService.length && !needsService.length) return null;
  return (
    <span className="inline-flex flex-wrap gap-2">
      {outOfService.map((n) => (
        <Badge key={`o-${n}`} tone="danger">
          <XOctagon aria-hidden className="h-4 w-4" /> {t("outOfService", { name: n })}
        </Badge>
      ))}
      {needsService.map((n) => (
        <Badge key={`n-${n}`} tone="warning">
          <Wrench aria-hidden className="h-4 w-4" /> {t("needsService", { name: n })}
        </Badge>
      ))}
    </span>
  );
}
