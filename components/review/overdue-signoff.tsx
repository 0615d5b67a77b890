import { Clock } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { getLocale, getTranslations } from "next-intl/server";
import { formatAge } from "@/lib/observations/signoff-deadline";
import { formatClinicDateTime } from "@/lib/time";

export type OverdueRow = { id: string; patientName: string; assistant: string; therapist: string; submittedAt: Date };

/** Entries past the clinic's sign-off deadline. Names and ages only: safe for the admin overview. */
export async function OverdueSignoff({ items, timeZone, showTherapist = true }: { items: OverdueRow[]; timeZone: string; showTherapist?: boolean }) {
  const [t, locale] = await Promise.all([getTranslations("overdue"), getLocale()]);
  const now = new Date();
  return (
    <Card aria-labelledby="overdue-title">
      <CardTitle id="overdue-title" className="flex items-center gap-2">
        <Clock aria-hidden className="h-5 w-5" />
        {t("title")}
        <Badge tone={items.length ? "danger" : "success"}>{items.length}</Badge>
      </CardTitle>
      {items.length ? (
        <ul className="mt-3 divide-y divide-border">
          {items.map((o) => (
            <li key={o.id} className="py-2">
              <span className="font-semibold">{o.patientName}</span> · {t("by", { name: o.assistant })}
              {showTherapist ? <> · {t("awaitingTherapist", { name: o.therapist })}</> : null}
              <span className="block text-muted-foreground">
                {t("submitted", { at: formatClinicDateTime(o.submittedAt, timeZone, locale), age: formatAge(o.submittedAt, now, locale) })}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-muted-foreground">{t("none")}</p>
      )}
    </Card>
  );
}
