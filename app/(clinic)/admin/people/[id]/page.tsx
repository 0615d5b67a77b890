import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/admin/action-button";
import { EnrolmentList } from "@/components/admin/enrolment-list";
import { AddAssignment, ChangeRoleForm, ResetPasswordForm } from "@/components/admin/person-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { listEnrolments } from "@/lib/auth/enrolment-queries";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { searchPatients } from "@/lib/patients/queries";
import { getLocale, getTranslations } from "next-intl/server";
import { formatClinicDateTime } from "@/lib/time";
import { getUserForAdmin, listUsers } from "@/lib/users/queries";
import { revokeEnrolmentAction } from "../../devices/actions";
import { assignCaseload, assignSupervision, changePersonRole, deactivatePerson, reactivatePerson, resetPersonPassword } from "../actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("people"))("person") };
}

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("user:manage", "/admin/people/[id]");
  const { id } = await params;
  const [{ user: u, supervising, caseload }, staff] = await Promise.all([orNotFound(getUserForAdmin(actor, id)), listUsers(actor)]);
  const isSelf = u.id === actor.id;
  const [t, roles, locale] = await Promise.all([getTranslations("people"), getTranslations("roles"), getLocale()]);
  const peers = staff.filter((s) => s.active && s.role === (u.role === "assistant" ? "therapist" : "assistant") && !supervising.some((p) => p.id === s.id));
  const enrolments = u.role === "assistant" && can(actor, "enrolment:manage") ? await listEnrolments(actor, { userId: u.id }) : null;
  const patients = u.role === "assistant" ? (await searchPatients(actor, { limit: 100 })).items.filter((p) => !caseload.some((c) => c.id === p.id)) : [];
  return (
    <ClientMessages part="people">
      <div className="max-w-4xl space-y-6">
        <div className="space-y-1">
          <Link href="/admin/people" className="inline-flex min-h-11 items-center underline">
            {t("all")}
          </Link>
          <h1 className="text-3xl font-bold">{u.name}</h1>
          <p className="text-lg">
            {roles(u.role)}
            {u.discipline ? ` (${u.discipline})` : ""}
            {u.title ? ` · ${u.title}` : ""} · <span className="break-all">{u.email}</span>
          </p>
          <p className="flex flex-wrap gap-2">
            {u.active ? <Badge tone="success">{t("active")}</Badge> : <Badge>{t("deactivated")}</Badge>}
            {u.mustChangePassword ? <Badge tone="warning">{t("mustChange")}</Badge> : null}
            <span className="text-muted-foreground">{t("lastSignIn", { at: u.lastSignInAt ? formatClinicDateTime(u.lastSignInAt, actor.clinic.timeZone, locale) : t("never") })}</span>
          </p>
        </div>

        {isSelf ? (
          <p className="text-muted-foreground">{t("self")}</p>
        ) : (
          <>
            <Card>
              <CardTitle>{t("access")}</CardTitle>
              <div className="mt-4">
                {u.active ? (
                  <ActionButton
                    action={deactivatePerson}
                    input={{ userId: u.id, version: u.version }}
                    variant="danger"
                    confirm={t("deactivateConfirm", { name: u.name })}
                    done={t("deactivated2")}
                  >
                    {t("deactivate")}
                  </ActionButton>
                ) : (
                  <ActionButton action={reactivatePerson} input={{ userId: u.id, version: u.version }} done={t("reactivated")}>
                    {t("reactivate")}
                  </ActionButton>
                )}
              </div>
            </Card>
            <Card>
              <CardTitle>{t("role")}</CardTitle>
              <div className="mt-4">
                <ChangeRoleForm key={u.version} onSubmit={changePersonRole} defaultValues={{ userId: u.id, version: String(u.version), role: u.role, discipline: u.discipline ?? "" }} />
              </div>
            </Card>
            <Card>
              <CardTitle>{t("password")}</CardTitle>
              <div className="mt-4">
                <ResetPasswordForm key={u.version} onSubmit={resetPersonPassword} defaultValues={{ userId: u.id, version: String(u.version) }} />
              </div>
            </Card>
          </>
        )}

        {enrolments ? (
          <Card>
            <section aria-label={t("tablets")}>
              <CardTitle>{t("tablets")}</CardTitle>
              <p className="text-muted-foreground">{t("tabletsHelp")}</p>
              <div className="mt-2">
                <EnrolmentList rows={enrolments} timeZone={actor.clinic.timeZone} show="device" revoke={revokeEnrolmentAction} />
              </div>
            </section>
          </Card>
        ) : null}

        {u.role !== "admin" ? (
          <Card>
            <CardTitle>{u.role === "assistant" ? t("supervisingTherapists") : t("supervisedAssistants")}</CardTitle>
            <ul className="mt-3 space-y-2">
              {supervising.length === 0 ? <li className="text-muted-foreground">{t("noneYet")}</li> : null}
              {supervising.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-semibold">{p.name}</span>
                  <ActionButton
                    action={assignSupervision}
                    input={u.role === "assistant" ? { assistantId: u.id, therapistId: p.id, assign: false } : { assistantId: p.id, therapistId: u.id, assign: false }}
                    done={t("removed")}
                    variant="ghost"
                  >
                    {t("remove", { name: p.name })}
                  </ActionButton>
                </li>
              ))}
            </ul>
            <div className="mt-4">
              <AddAssignment
                id="supervision"
                label={u.role === "assistant" ? t("addTherapist") : t("addAssistant")}
                options={peers.map((p) => ({ id: p.id, name: p.name }))}
                onSubmit={assignSupervision}
                {...(u.role === "assistant" ? { base: { assistantId: u.id }, choiceField: "therapistId" as const } : { base: { therapistId: u.id }, choiceField: "assistantId" as const })}
              />
            </div>
          </Card>
        ) : null}

        {u.role === "assistant" ? (
          <Card>
            <CardTitle>{t("caseload")}</CardTitle>
            <p className="text-muted-foreground">{t("caseloadHelp")}</p>
            <ul className="mt-3 space-y-2">
              {caseload.length === 0 ? <li className="text-muted-foreground">{t("noPatients")}</li> : null}
              {caseload.map((p) => (
                <li key={p.id} className="flex flex-wrap items-center justify-between gap-2">
                  <span className="font-semibold">
                    {p.name} <span className="font-normal text-muted-foreground">{p.mrn}</span>
                  </span>
                  <ActionButton action={assignCaseload} input={{ assistantId: u.id, patientId: p.id, assign: false }} done={t("removed")} variant="ghost">
                    {t("remove", { name: p.name })}
                  </ActionButton>
                </li>
              ))}
            </ul>
            <div className="mt-4">
              <AddAssignment
                id="caseload"
                label={t("addPatient")}
                options={patients.map((p) => ({ id: p.id, name: `${p.displayName} (${p.mrn})` }))}
                onSubmit={assignCaseload}
                base={{ assistantId: u.id }}
                choiceField="patientId"
              />
            </div>
          </Card>
        ) : null}
      </div>
    </ClientMessages>
  );
}
