import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/admin/action-button";
import { FhirClientForm } from "@/components/admin/fhir-client-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { fhirBase } from "@/lib/fhir/base-url";
import { GRANTABLE_SCOPES } from "@/lib/fhir/smart/scopes";
import { listClients } from "@/lib/fhir/smart/client-queries";
import { getLocale, getTranslations } from "next-intl/server";
import { formatClinicDateTime } from "@/lib/time";
import { registerFhirClient, revokeFhirClient } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("fhirAdmin"))("title") };
}
export const dynamic = "force-dynamic";

export default async function FhirAdminPage() {
  const actor = await requirePermission("fhir:clients", "/admin/fhir");
  const clients = await listClients(actor);
  const base = fhirBase();
  const tz = actor.clinic.timeZone;
  const [t, locale] = await Promise.all([getTranslations("fhirAdmin"), getLocale()]);
  return (
    <ClientMessages part="fhir">
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">{t("heading")}</h1>
        <Card>
          <CardTitle>{t("apiTitle")}</CardTitle>
          <p className="mt-2">
            {t("apiBase")} <code className="break-all">{base}</code>. {t("apiToken")} <code className="break-all">{base}/auth/token</code> {t("apiTail")}
          </p>
          <p className="mt-3">
            <Link className="inline-flex min-h-11 items-center font-semibold underline" href="/admin/fhir/import">
              {t("importLink")}
            </Link>
          </p>
        </Card>
        <Card>
          <CardTitle>{t("clientsTitle")}</CardTitle>
          {clients.length === 0 ? <p className="mt-2 text-muted-foreground">{t("noClients")}</p> : null}
          <ul className="mt-3 divide-y divide-border" aria-label={t("clientsTitle")}>
            {clients.map((c) => (
              <li key={c.id} className="flex flex-wrap items-start gap-4 py-3">
                <div className="min-w-64 flex-1 space-y-1">
                  <p className="font-semibold">
                    {c.name} {c.revokedAt ? <Badge>{t("revoked")}</Badge> : <Badge tone="success">{t("active")}</Badge>}
                  </p>
                  <p className="text-sm">
                    client_id <code className="break-all">{c.id}</code>
                  </p>
                  <p className="text-sm text-muted-foreground">
                    {t("details", { scopes: c.scopes.join(" "), keys: c.keyIds.join(", "), at: formatClinicDateTime(c.createdAt, tz, locale) })}
                    {c.revokedAt ? t("revokedAt", { at: formatClinicDateTime(c.revokedAt, tz, locale) }) : ""}
                  </p>
                </div>
                {c.revokedAt ? null : (
                  <ActionButton action={revokeFhirClient} input={{ clientId: c.id, version: c.version }} done={t("revokeDone")} confirm={t("revokeConfirm", { name: c.name })} variant="danger">
                    {t("revoke", { name: c.name })}
                  </ActionButton>
                )}
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <CardTitle>{t("registerTitle")}</CardTitle>
          <div className="mt-4">
            <FhirClientForm onSubmit={registerFhirClient} scopes={GRANTABLE_SCOPES} />
          </div>
        </Card>
      </div>
    </ClientMessages>
  );
}
