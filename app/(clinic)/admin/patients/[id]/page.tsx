import type { Metadata } from "next";
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

export const metadata: Metadata = { title: "Patient" };

export default async function AdminPatientPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("patient:manage", "/admin/patients/[id]");
  const { id } = await params;
  const [{ patient: p, assistants }, options] = await Promise.all([orNotFound(getPatientForEdit(actor, id)), scheduleStaffAndRooms(actor)]);
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-1">
        <Link href="/admin/patients" className="underline">
          All patients
        </Link>
        <h1 className="text-3xl font-bold">
          {p.preferredName ?? p.firstName} {p.lastName}
        </h1>
        <p className="font-mono">{p.mrn}</p>
      </div>
      {p.status === "discharged" ? <Alert tone="warning">Discharged. The record is kept; future appointments were cancelled.</Alert> : null}
      <Card>
        <CardTitle>Details</CardTitle>
        <div className="mt-4">
          <PatientForm
            key={p.version}
            therapists={options.therapists}
            onSubmit={savePatient}
            extra={{ patientId: p.id, version: p.version }}
            submitLabel="Save patient"
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
        <CardTitle>Assistants with this patient on their caseload</CardTitle>
        <ul className="mt-3 space-y-2">
          {assistants.length === 0 ? <li className="text-muted-foreground">None.</li> : null}
          {assistants.map((a) => (
            <li key={a.id} className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-semibold">{a.name}</span>
              <ActionButton action={assignPatientCaseload} input={{ assistantId: a.id, patientId: p.id, assign: false }} done="Removed." variant="ghost">
                Remove {a.name}
              </ActionButton>
            </li>
          ))}
        </ul>
        <div className="mt-4">
          <AddAssignment
            id="caseload-assistant"
            label="Add an assistant"
            options={options.assistants.filter((a) => !assistants.some((x) => x.id === a.id))}
            onSubmit={assignPatientCaseload}
            base={{ patientId: p.id }}
            choiceField="assistantId"
          />
        </div>
      </Card>
      {p.status === "active" ? (
        <Card>
          <CardTitle>Discharge</CardTitle>
          <p className="mt-2 text-muted-foreground">Patients are discharged, never deleted: the record is kept and future appointments are cancelled.</p>
          <div className="mt-3">
            <ActionButton
              action={dischargePatientAction}
              input={{ patientId: p.id, version: p.version }}
              variant="danger"
              confirm="Discharge this patient and cancel their future appointments?"
              done="Discharged."
            >
              Discharge patient
            </ActionButton>
          </div>
        </Card>
      ) : null}
    </div>
  );
}
