import type { Metadata } from "next";
import { ClinicSettingsForm } from "@/components/admin/clinic-settings-form";
import { requirePermission } from "@/lib/auth/session";
import { getClinicSettings } from "@/lib/clinics/queries";
import { getTranslations } from "next-intl/server";
import { saveClinicSettings } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const actor = await requirePermission("clinic:settings", "/admin/settings");
  const s = await getClinicSettings(actor);
  const t = await getTranslations("settings");
  return (
    <ClientMessages part="settings">
      <div className="max-w-xl space-y-6">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <ClinicSettingsForm
          onSubmit={saveClinicSettings}
          defaultValues={{
            timeZone: s.timeZone,
            signoffDeadlineHours: s.signoffDeadlineHours === null ? "" : String(s.signoffDeadlineHours),
            idleTimeoutMinutes: String(s.idleTimeoutMinutes),
            pinEnrolmentDays: String(s.pinEnrolmentDays),
            version: String(s.version),
          }}
        />
      </div>
    </ClientMessages>
  );
}
