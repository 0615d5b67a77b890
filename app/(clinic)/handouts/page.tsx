import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { textFor } from "@/lib/handouts/labels";
import { handoutsForPatient, listHandouts } from "@/lib/handouts/queries";
import { orNotFound } from "@/lib/not-found";
import { clinicDate, formatDay } from "@/lib/time";
import { readSearchParams, type SearchParams } from "@/lib/validation";
import { z } from "zod";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("handouts"))("listTitle") };
}
export const dynamic = "force-dynamic";

export default async function HandoutsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("handout:read", "/handouts");
  const { values } = readSearchParams({ archived: z.enum(["1"]).optional().catch(undefined), patient: z.uuid().optional().catch(undefined) }, await searchParams);
  const archived = values.archived === "1";
  // ?patient=<id> (from the patient's page): only the handouts linked to that patient
  const forPatient = values.patient ? await orNotFound(handoutsForPatient(actor, values.patient, { archived })) : null;
  const [list, t, locale] = await Promise.all([forPatient ? forPatient.items : listHandouts(actor, { archived }), getTranslations("handouts"), getLocale()]);
  const query = (q: { archived?: boolean }) => {
    const params = new URLSearchParams();
    if (q.archived) params.set("archived", "1");
    if (forPatient) params.set("patient", forPatient.patient.id);
    const s = params.toString();
    return s ? `/handouts?${s}` : "/handouts";
  };
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-3xl font-bold">{t("listTitle")}</h1>
          <p className="text-lg text-muted-foreground">{forPatient ? t("forPatient", { name: forPatient.patient.displayName }) : t("listIntro")}</p>
        </div>
        <div className="flex flex-wrap gap-2">
          {forPatient ? (
            <>
              <Link href={`/patients/${forPatient.patient.id}`} className={buttonVariants({ variant: "secondary" })}>
                {t("backToPatient", { name: forPatient.patient.displayName })}
              </Link>
              <Link href={archived ? "/handouts?archived=1" : "/handouts"} className={buttonVariants({ variant: "secondary" })}>
                {t("allHandouts")}
              </Link>
            </>
          ) : null}
          <Link href={query({ archived: !archived })} className={buttonVariants({ variant: "secondary" })}>
            {archived ? t("showCurrent") : t("showArchived")}
          </Link>
          {can(actor, "handout:write") ? (
            <Link href="/handouts/new" className={buttonVariants()}>
              {t("new")}
            </Link>
          ) : null}
        </div>
      </div>
      {list.length ? (
        <ul className="grid gap-4 md:grid-cols-2">
          {list.map((h) => {
            const text = textFor(h.content, locale);
            return (
              <li key={h.id}>
                <Card className="h-full space-y-2">
                  <h2 className="text-xl font-semibold">
                    <Link href={`/handouts/${h.id}`} className="inline-flex min-h-11 items-center underline">
                      {text.title}
                    </Link>
                  </h2>
                  <p className="text-muted-foreground">
                    {t("versionLine", { version: h.currentVersion, date: formatDay(clinicDate(h.updatedAt, actor.clinic.timeZone), locale) })}
                  </p>
                  <p className="flex flex-wrap gap-2">
                    {h.discipline ? <Badge tone="info">{h.discipline}</Badge> : null}
                    <Badge>{t("bothLanguages")}</Badge>
                    {h.archived ? <Badge tone="warning">{t("archived")}</Badge> : null}
                  </p>
                </Card>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-muted-foreground">{forPatient ? t("noneForPatient", { name: forPatient.patient.displayName }) : archived ? t("noneArchived") : t("none")}</p>
      )}
    </div>
  );
}
