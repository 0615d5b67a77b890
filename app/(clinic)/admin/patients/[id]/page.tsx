import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import Link from "next/link";
import { ActionButton } from "@/components/admin/action-button";
import { PatientForm } from "@/components/admin/patient-form";
import { AddAssignment } from "@/components/admin/person-forms";
import { Alert } from "@/components/ui/alert";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { getPatientForEdit } from "@/lib/patients/queries";
import { scheduleStaffAndRooms } from "@/lib/schedule/queries";
import { assignPatientCaseload, dischargePatientAction, savePatient } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPatient"))("title") };
}

export default async function AdminPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("patient:manage", "/admin/patients/[id]");
  const { id } = await params;
  const [{ patient: p, assistants }, options] = await Promise.all([orNotFound(getPatientForEdit(actor, id)), scheduleStaffAndRooms(actor)]);
  const t = await getTranslations("adminPatient");
  return (
    <ClientMessages part="adminPatient">
      <div className="max-w-4xl space-y-6">
        <div className="space-y-1">
          <Link href="/admin/patients" className="inline-flex min-h-11 items-center underline">
            {t("all")}
          </Link>
          <h1 className="text-3xl font-bold">
            {p.preferredName ?? p.firstName} {p.lastName}
          </h1>
          <p className="font-mono">{p.mrn}</p>
        </div>
        {p.status === "discharged" ? <Alert tone="warning">{t("dischargedNote")}</Alert> : null}
        <Card>
          <CardTitle>{t("details")}</CardTitle>
          <div className="mt-4">
            <PatientForm
              key={p.version}
              therapists={options.therapists}
              onSubmit={savePatient}
              extra={{ patientId: p.id, version: p.version }}
              submitLabel={t("save")}
              afterSave="stay"
              defaultValues={{
                mrn: p.mrn,
                firstName: p.firstName,
                lastName: p.lastName,
                preferredName: p.preferredName ?? "",
                dateOfBirth: p.dateOfBirth,
                preferredLanguage: p.preferredLanguage,
                interpreterNeeded: p.interpreterNeeded,
                primaryTherapistId: p.primaryTherapistId ?? "",
              }}
            />
          </div>
        </Card>
        <Card>
          <CardTitle>{t("caseload")}</CardTitle>
          <ul className="mt-3 space-y-2">
            {assistants.length === 0 ? <li className="text-muted-foreground">{t("noAssistants")}</li> : null}
            {assistants.map((a) => (
              <li key={a.id} className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-semibold">{a.name}</span>
                <ActionButton action={assignPatientCaseload} input={{ assistantId: a.id, patientId: p.id, assign: false }} done={t("removed")} variant="ghost">
                  {t("remove", { name: a.name })}
                </ActionButton>
              </li>
            ))}
          </ul>
          <div className="mt-4">
            <AddAssignment
              id="caseload-assistant"
              label={t("addAssistant")}
              options={options.assistants.filter((a) => !assistants.some((x) => x.id === a.id))}
              onSubmit={assignPatientCaseload}
              base={{ patientId: p.id }}
              choiceField="assistantId"
            />
          </div>
        </Card>
        {p.status === "active" ? (
          <Card>
            <CardTitle>{t("discharge")}</CardTitle>
            <p className="mt-2 text-muted-foreground">{t("dischargeNote")}</p>
            <div className="mt-3">
              <ActionButton
                action={dischargePatientAction}
                input={{ patientId: p.id, version: p.version }}
                variant="danger"
                confirm={t("dischargeConfirm")}
                done={t("discharged")}
              >
                {t("dischargeButton")}
              </ActionButton>
            </div>
          </Card>
        ) : null}
      </div>
    </ClientMessages>
  );
}
