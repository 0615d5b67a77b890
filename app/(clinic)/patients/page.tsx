import type { Metadata } from "next";
import { PatientList } from "@/components/patients/patient-list";
import { requirePermission } from "@/lib/auth/session";
import { getTranslations } from "next-intl/server";
import { getActor } from "@/lib/auth/session";
import { listPatients } from "@/lib/patients/queries";

export async function generateMetadata(): Promise<Metadata> {
  const [t, actor] = await Promise.all([getTranslations("nav"), getActor()]);
  return { title: actor?.role === "assistant" ? t("myPatients") : t("patients") };
}

export default async function PatientsPage() {
  const actor = await requirePermission("patient:list", "/patients");
  const patients = await listPatients(actor);
  const [nav, t] = await Promise.all([getTranslations("nav"), getTranslations("patients")]);
  return (
    <div className="space-y-4">
      <h1 className="text-3xl font-bold">{actor.role === "assistant" ? nav("myPatients") : nav("patients")}</h1>
      <PatientList patients={patients} empty={t("empty")} />
    </div>
  );
}
