import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { PatientForm } from "@/components/admin/patient-form";
import { requirePermission } from "@/lib/auth/session";
import { scheduleStaffAndRooms } from "@/lib/schedule/queries";
import { addPatient } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPatient"))("addTitle") };
}

export default async function NewPatientPage() {
  const actor = await requirePermission("patient:manage", "/admin/patients/new");
  const [{ therapists }, t, locale] = await Promise.all([scheduleStaffAndRooms(actor), getTranslations("adminPatient"), getLocale()]);
  // most patients here speak English: the default, named in the admin's language ("English" / "inglés")
  const english = new Intl.DisplayNames([locale], { type: "language" }).of("en") ?? "English";
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">{t("addTitle")}</h1>
      <ClientMessages part="adminPatient">
        <PatientForm
          therapists={therapists}
          onSubmit={addPatient}
          extra={{ id: crypto.randomUUID() }}
          submitLabel={t("addTitle")}
          afterSave="open"
          defaultValues={{ mrn: "", firstName: "", lastName: "", preferredName: "", dateOfBirth: "", preferredLanguage: english, interpreterNeeded: false, primaryTherapistId: "" }}
        />
      </ClientMessages>
    </div>
  );
}
