import { Wrench, XOctagon } from "lucide-react";
import { Badge } from "@/components/ui/badge";

export function EquipmentAlerts({ outOfService, needsService }: { outOfService: string[]; needsService: string[] }) {
  if (!outOfService.length && !needsService.length) return null;
  return (
    <span className="inline-flex flex-wrap gap-2">
      {outOfService.map((n) => (
        <Badge key={`o-${n}`} tone="danger">
          <XOctagon aria-hidden className="h-4 w-4" /> Out of service: {n}
        </Badge>
      ))}
      {needsService.map((n) => (
        <Badge key={`n-${n}`} tone="warning">
          <Wrench aria-hidden className="h-4 w-4" /> Needs service: {n}
        </Badge>
      ))}
    </span>
  );
}
