import type { Metadata } from "next";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { listPatients } from "@/lib/patients/queries";
import { PatientList } from "@/components/patients/patient-list";
import { mySupervisionPeers } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Review" };

export default async function ReviewPage() {
  const actor = await requirePermission("review:view", "/review");
  const [assistants, patients] = await Promise.all([mySupervisionPeers(actor), listPatients(actor)]);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">Review</h1>
      <Card>
        <CardTitle>Assistants you supervise</CardTitle>
        {assistants.length ? (
          <ul className="mt-3 flex flex-wrap gap-3">
            {assistants.map((a) => (
              <li key={a.id} className="rounded-lg bg-muted px-4 py-2 font-semibold">
                {a.name}
                {a.title ? `, ${a.title}` : ""}
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-2 text-muted-foreground">No assistants are assigned to you.</p>
        )}
      </Card>
      <section aria-labelledby="patients-title" className="space-y-3">
        <h2 id="patients-title" className="text-xl font-semibold">
          Clinic patients
        </h2>
        <PatientList patients={patients} empty="No patients yet." />
      </section>
    </div>
  );
}
