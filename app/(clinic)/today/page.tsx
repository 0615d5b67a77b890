import type { Metadata } from "next";
import { PatientList } from "@/components/patients/patient-list";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { listPatients } from "@/lib/patients/queries";
import { formatClinicDate } from "@/lib/time";
import { mySupervisionPeers } from "@/lib/users/queries";

export const metadata: Metadata = { title: "Today" };

export default async function TodayPage() {
  const actor = await requirePermission("today:view", "/today");
  const [patients, therapists] = await Promise.all([listPatients(actor), mySupervisionPeers(actor)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">Today</h1>
        <p className="text-lg text-muted-foreground">{formatClinicDate(new Date(), actor.clinic.timeZone)}</p>
      </div>
      <Card>
        <CardTitle>Supervising therapists</CardTitle>
        <ul className="mt-3 flex flex-wrap gap-3">
          {therapists.map((t) => (
            <li key={t.id} className="rounded-lg bg-muted px-4 py-2 font-semibold">
              {t.name}
              {t.title ? `, ${t.title}` : ""}
            </li>
          ))}
        </ul>
      </Card>
      <section aria-labelledby="caseload-title" className="space-y-3">
        <h2 id="caseload-title" className="text-xl font-semibold">
          My caseload
        </h2>
        <PatientList patients={patients} empty="No patients are on your caseload yet. Ask your supervising therapist." />
      </section>
    </div>
  );
}
