import type { Metadata } from "next";
import { PatientList } from "@/components/patients/patient-list";
import { requirePermission } from "@/lib/auth/session";
import { listPatients } from "@/lib/patients/queries";

export const metadata: Metadata = { title: "Patients" };

export default async function PatientsPage() {
  const actor = await requirePermission("patient:list", "/patients");
  const patients = await listPatients(actor);
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{actor.role === "assistant" ? "My patients" : "Patients"}</h1>
      <PatientList patients={patients} empty="No patients to show." />
    </div>
  );
}
