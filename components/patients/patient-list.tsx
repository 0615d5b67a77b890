import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { useTranslations } from "next-intl";
import type { PatientListItem } from "@/lib/patients/queries";
import { PrecautionBadges } from "./precaution-badges";

export function PatientList({ patients, empty }: { patients: PatientListItem[]; empty: string }) {
  const t = useTranslations("patients");
  if (patients.length === 0) return <p className="text-muted-foreground">{empty}</p>;
  return (
    <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-surface">
      {patients.map((p) => (
        <li key={p.id}>
          <Link href={`/patients/${p.id}`} className="flex min-h-16 items-center gap-4 px-4 py-3 hover:bg-muted">
            <div className="min-w-0 flex-1">
              <p className="text-lg font-semibold">
                {p.displayName}
                {p.status === "discharged" ? <span className="ml-2 text-base font-normal text-muted-foreground">{t("discharged")}</span> : null}
              </p>
              <p className="text-muted-foreground">{t("mrn", { mrn: p.mrn })}</p>
              <div className="mt-2">
                <PrecautionBadges precautions={p.precautions} interpreterNeeded={p.interpreterNeeded} language={p.preferredLanguage} />
              </div>
            </div>
            <ChevronRight aria-hidden className="h-6 w-6 shrink-0 text-muted-foreground" />
          </Link>
        </li>
      ))}
    </ul>
  );
}
