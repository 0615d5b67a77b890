import { AlertTriangle, Languages } from "lucide-react";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";

export function PrecautionBadges({
  precautions,
  interpreterNeeded,
  language,
}: {
  precautions: string[] | null;
  interpreterNeeded: boolean;
  language: string;
}) {
  const t = useTranslations("precautions");
  return (
    <ul className="flex flex-wrap gap-2" aria-label={t("label")}>
      {(precautions ?? []).map((p) => (
        <li key={p}>
          <Badge tone="danger">
            <AlertTriangle aria-hidden className="h-4 w-4" />
            {p}
          </Badge>
        </li>
      ))}
      {interpreterNeeded ? (
        <li>
          <Badge tone="info">
            <Languages aria-hidden className="h-4 w-4" />
            {t("interpreter", { language })}
          </Badge>
        </li>
      ) : language !== "English" ? (
        <li>
          <Badge tone="neutral">{language}</Badge>
        </li>
      ) : null}
    </ul>
  );
}
