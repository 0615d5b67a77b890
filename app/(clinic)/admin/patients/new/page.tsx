import type { Metadata } from "next";
import { PatientForm } from "@/components/admin/patient-form";
import { requirePermission } from "@/lib/auth/session";
import { scheduleStaffAndRooms } from "@/lib/schedule/queries";
import { addPatient } from "../actions";

export const metadata: Metadata = { title: "Add patient" };

export default async function NewPatientPage() {
  const actor = await requirePermission("patient:manage", "/admin/patients/new");
  const { therapists } = await scheduleStaffAndRooms(actor);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-3xl font-bold">Add patient</h1>
      <PatientForm
        therapists={therapists}
        onSubmit={addPatient}
        extra={{ id: crypto.randomUUID() }}
        submitLabel="Add patient"
        afterSave="open"
        defaultValues={{ mrn: "", firstName: "", lastName: "", preferredName: "", dateOfBirth: "", preferredLanguage: "English", interpreterNeeded: false, primaryTherapistId: "" }}
      />
    </div>
  );
}
