import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import type { Actor } from "@/lib/auth/actor";
import { textFor } from "@/lib/handouts/labels";
import { handoutsGiven } from "@/lib/handouts/queries";
import { formatClinicDateTime } from "@/lib/time";

const TONE = { full: "success", partial: "warning", none: "danger" } as const;

/** The patient page's "Handouts received": each handout given as education, with its version, the language,
 * when, by which aide, and how well it was understood (teach-back); and a link to the handouts linked to the
 * patient (the handouts page filtered by ?patient=). */
export async function HandoutsGiven({ actor, patientId }: { actor: Actor; patientId: string }) {
  const [rows, t, status, locale] = await Promise.all([handoutsGiven(actor, patientId), getTranslations("handouts.given"), getTranslations("entryStatus"), getLocale()]);
  const tl = await getTranslations("handouts.languages");
  const languageLabel = (name: string) => (name === "Spanish" ? tl("es") : name === "English" ? tl("en") : name);
  return (
    <Card aria-labelledby="handouts-given-h">
      <CardTitle id="handouts-given-h">{t("title")}</CardTitle>
      {rows.length ? (
        <div className="mt-3 overflow-x-auto">
          <table className="w-full text-left">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-border">
                <th scope="col" className="py-2 pr-4">{t("handout")}</th>
                <th scope="col" className="py-2 pr-4">{t("version")}</th>
                <th scope="col" className="py-2 pr-4">{t("language")}</th>
                <th scope="col" className="py-2 pr-4">{t("date")}</th>
                <th scope="col" className="py-2 pr-4">{t("aide")}</th>
                <th scope="col" className="py-2 pr-4">{t("teachBack")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id} className="border-b border-border align-top">
                  <td className="py-2 pr-4">
                    <Link href={`/handouts/${r.handoutId}?version=${r.version}`} className="inline-flex min-h-11 items-center underline">
                      {textFor(r.content, locale).title}
                    </Link>
                  </td>
                  <td className="py-2 pr-4">{t("versionN", { version: r.version })}</td>
                  <td className="py-2 pr-4">{languageLabel(r.language)}</td>
                  <td className="py-2 pr-4">{formatClinicDateTime(r.at, actor.clinic.timeZone, locale)}</td>
                  <td className="py-2 pr-4">
                    {r.aideTitle ? `${r.aideName}, ${r.aideTitle}` : r.aideName}
                    <span className="block text-sm text-muted-foreground">{status(r.status)}</span>
                  </td>
                  <td className="py-2 pr-4">
                    <Badge tone={TONE[r.understanding]}>{t(`understanding.${r.understanding}`)}</Badge>
                    <span className="block text-sm text-muted-foreground">{t(`audience.${r.audience}`)}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="mt-3 text-muted-foreground">{t("none")}</p>
      )}
      <p className="mt-3">
        <Link href={`/handouts?patient=${patientId}`} className="inline-flex min-h-11 items-center font-semibold underline">
          {t("linkedList")}
        </Link>
      </p>
    </Card>
  );
}
