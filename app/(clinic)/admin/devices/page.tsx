import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { EnrolmentList } from "@/components/admin/enrolment-list";
import { Card, CardTitle } from "@/components/ui/card";
import { listEnrolments } from "@/lib/auth/enrolment-queries";
import { requirePermission } from "@/lib/auth/session";
import { revokeEnrolmentAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("enrolments"))("title") };
}

/** Every shared tablet with PIN sign-ins, and who is enrolled on it (README "Shared tablets"). */
export default async function DevicesPage() {
  const actor = await requirePermission("enrolment:manage", "/admin/devices");
  const [rows, t] = await Promise.all([listEnrolments(actor), getTranslations("enrolments")]);
  const devices = [...new Map(rows.map((r) => [r.deviceId, r])).values()];
  return (
    <ClientMessages part="devices">
      <div className="max-w-4xl space-y-6">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-muted-foreground">{t("intro")}</p>
        {devices.length === 0 ? <p>{t("noDevices")}</p> : null}
        {devices.map((d) => (
          <Card key={d.deviceId}>
            <section aria-label={t("deviceName", { label: d.deviceLabel, id: d.deviceId.slice(0, 8) })}>
              <CardTitle>{t("deviceName", { label: d.deviceLabel, id: d.deviceId.slice(0, 8) })}</CardTitle>
              <div className="mt-2">
                <EnrolmentList rows={rows.filter((r) => r.deviceId === d.deviceId)} timeZone={actor.clinic.timeZone} show="person" revoke={revokeEnrolmentAction} />
              </div>
            </section>
          </Card>
        ))}
      </div>
    </ClientMessages>
  );
}
