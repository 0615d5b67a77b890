import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { ActionButton } from "@/components/admin/action-button";
import { HandoutForm } from "@/components/handouts/handout-forms";
import { HandoutTextView } from "@/components/handouts/handout-text";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Card, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { textFor } from "@/lib/handouts/labels";
import { getHandout } from "@/lib/handouts/queries";
import { contentToForm, HANDOUT_LANGUAGES } from "@/lib/handouts/schemas";
import { orNotFound } from "@/lib/not-found";
import { formatClinicDateTime } from "@/lib/time";
import { readSearchParams, type SearchParams } from "@/lib/validation";
import { archiveHandoutAction, reviseHandoutAction } from "../actions";
import { handoutFormLabels } from "../form-labels";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("handouts"))("detailTitle") };
}
export const dynamic = "force-dynamic";

export default async function HandoutPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> }) {
  const { id } = await params;
  const actor = await requirePermission("handout:read", "/handouts/[id]");
  const { values } = readSearchParams({ version: z.coerce.number().int().positive().optional().catch(undefined) }, await searchParams);
  const { handout, versions, shown } = await orNotFound(getHandout(actor, id, values.version));
  const [t, tl, locale] = await Promise.all([getTranslations("handouts"), getTranslations("handouts.languages"), getLocale()]);
  const tz = actor.clinic.timeZone;
  const isCurrent = shown.version === handout.currentVersion;
  const writable = can(actor, "handout:write");
  const sections = { steps: t("steps"), precautions: t("precautions"), frequency: t("frequency") };
  const author = (v: { authorName: string; authorTitle: string | null }) => (v.authorTitle ? `${v.authorName}, ${v.authorTitle}` : v.authorName);
  return (
    <ClientMessages part="handouts">
      <div className="space-y-6">
        <div>
          <Link href="/handouts" className="inline-flex min-h-11 items-center underline">
            {t("backToList")}
          </Link>
          <h1 className="mt-2 text-3xl font-bold">{textFor(shown.content, locale).title}</h1>
          <p className="text-lg text-muted-foreground">
            {t("versionOf", { version: shown.version, count: handout.currentVersion })} ·{" "}
            {t("publishedBy", { date: formatClinicDateTime(shown.createdAt, tz, locale), name: author(shown) })}
            {handout.discipline ? ` · ${handout.discipline}` : ""}
          </p>
          {handout.archived ? <Badge tone="warning">{t("archived")}</Badge> : null}
        </div>
        {!isCurrent ? (
          <Alert tone="info">
            {t("oldVersion", { version: shown.version })}{" "}
            <Link href={`/handouts/${handout.id}`} className="underline">
              {t("seeNewest", { version: handout.currentVersion })}
            </Link>
          </Alert>
        ) : null}
        <div className="flex flex-wrap gap-2">
          {HANDOUT_LANGUAGES.map((l) => (
            <a key={l} href={`/handouts/${handout.id}/pdf?lang=${l}&version=${shown.version}`} className={buttonVariants({ variant: "secondary" })} download>
              {t("pdfIn", { language: tl(l) })}
            </a>
          ))}
        </div>
        <div className="grid gap-6 lg:grid-cols-2">
          {HANDOUT_LANGUAGES.map((l) => (
            <Card key={l} aria-labelledby={`lang-${l}`}>
              <CardTitle id={`lang-${l}`} className="mb-3 text-muted-foreground">
                {tl(l)}
              </CardTitle>
              <HandoutTextView text={shown.content[l]} lang={l} labels={sections} />
            </Card>
          ))}
        </div>
        <Card aria-labelledby="versions-h">
          <CardTitle id="versions-h">{t("versions")}</CardTitle>
          <ul className="mt-3 divide-y divide-border">
            {versions.map((v) => (
              <li key={v.id} className="flex flex-wrap items-center justify-between gap-3 py-2">
                <span>
                  <span className="font-semibold">{t("versionN", { version: v.version })}</span> · {formatClinicDateTime(v.createdAt, tz, locale)} · {author(v)}
                  {v.version === handout.currentVersion ? (
                    <>
                      {" "}
                      <Badge tone="success">{t("current")}</Badge>
                    </>
                  ) : (
                    <>
                      {" "}
                      <Badge>{t("readOnly")}</Badge>
                    </>
                  )}
                </span>
                {v.version !== shown.version ? (
                  <Link href={`/handouts/${handout.id}?version=${v.version}`} className={buttonVariants({ variant: "ghost" })}>
                    {t("viewVersion", { version: v.version })}
                  </Link>
                ) : (
                  <span className="text-muted-foreground">{t("shown")}</span>
                )}
              </li>
            ))}
          </ul>
        </Card>
        {writable && isCurrent && !handout.archived ? (
          <Card aria-labelledby="revise-h" className="max-w-3xl">
            <CardTitle id="revise-h">{t("revise")}</CardTitle>
            <p className="mb-3 text-muted-foreground">{t("reviseIntro", { version: handout.currentVersion + 1 })}</p>
            <HandoutForm
              labels={await handoutFormLabels("revise")}
              defaultValues={{ ...contentToForm(shown.content), discipline: handout.discipline ?? "" }}
              hidden={{ handoutId: handout.id, version: String(handout.currentVersion) }}
              onSubmit={reviseHandoutAction}
              afterSave="stay"
            />
          </Card>
        ) : null}
        {writable ? (
          <ActionButton
            action={archiveHandoutAction}
            input={{ handoutId: handout.id, archived: !handout.archived }}
            done={handout.archived ? t("restored") : t("archivedDone")}
            confirm={handout.archived ? undefined : t("archiveConfirm")}
          >
            {handout.archived ? t("restore") : t("archive")}
          </ActionButton>
        ) : null}
      </div>
    </ClientMessages>
  );
}
