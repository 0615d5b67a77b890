import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/admin/action-button";
import { AddAssignment, ChangeRoleForm, ResetPasswordForm } from "@/components/admin/person-forms";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { ROLE_LABEL } from "@/lib/auth/actor";
import { requirePermission } from "@/lib/auth/session";
import { orNotFound } from "@/lib/not-found";
import { searchPatients } from "@/lib/patients/queries";
import { formatClinicDateTime } from "@/lib/time";
import { getUserForAdmin, listUsers } from "@/lib/users/queries";
import { assignCaseload, assignSupervision, changePersonRole, deactivatePerson, reactivatePerson, resetPersonPassword } from "../actions";

export const metadata: Metadata = { title: "Person" };

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission("user:manage", "/admin/people/[id]");
  const { id } = await params;
  const [{ user: u, supervising, caseload }, staff] = await Promise.all([orNotFound(getUserForAdmin(actor, id)), listUsers(actor)]);
  const isSelf = u.id === actor.id;
  const peers = staff.filter((s) => s.active && s.role === (u.role === "assistant" ? "therapist" : "assistant") && !supervising.some((p) => p.id === s.id));
  const patients = u.role === "assistant" ? (await searchPatients(actor, { limit: 100 })).items.filter((p) => !caseload.some((c) => c.id === p.id)) : [];
  return (
    <div className="max-w-4xl space-y-6">
      <div className="space-y-1">
        <Link href="/admin/people" className="underline">
          All people
        </Link>
        <h1 className="text-3xl font-bold">{u.name}</h1>
        <p className="text-lg">
          {ROLE_LABEL[u.role]}
          {u.discipline ? ` (${u.discipline})` : ""}
          {u.title ? ` · ${u.title}` : ""} · <span className="break-all">{u.email}</span>
        </p>
        <p className="flex flex-wrap gap-2">
          {u.active ? <Badge tone="success">Active</Badge> : <Badge>Deactivated</Badge>}
          {u.mustChangePassword ? <Badge tone="warning">Must set a new password</Badge> : null}
          <span className="text-muted-foreground">Last sign-in: {u.lastSignInAt ? formatClinicDateTime(u.lastSignInAt, actor.clinic.timeZone) : "never"}</span>
        </p>
      </div>

      {isSelf ? (
        <p className="text-muted-foreground">This is your own account: another administrator changes its role or status.</p>
      ) : (
        <>
          <Card>
            <CardTitle>Access</CardTitle>
            <div className="mt-4">
              {u.active ? (
                <ActionButton
                  action={deactivatePerson}
                  input={{ userId: u.id, version: u.version }}
                  variant="danger"
                  confirm={`Deactivate ${u.name}? They are signed out everywhere at once.`}
                  done="Deactivated. Their sessions have ended."
                >
                  Deactivate account
                </ActionButton>
              ) : (
                <ActionButton action={reactivatePerson} input={{ userId: u.id, version: u.version }} done="Reactivated.">
                  Reactivate account
                </ActionButton>
              )}
            </div>
          </Card>
          <Card>
            <CardTitle>Role</CardTitle>
            <div className="mt-4">
              <ChangeRoleForm key={u.version} onSubmit={changePersonRole} defaultValues={{ userId: u.id, version: String(u.version), role: u.role, discipline: u.discipline ?? "" }} />
            </div>
          </Card>
          <Card>
            <CardTitle>Password</CardTitle>
            <div className="mt-4">
              <ResetPasswordForm key={u.version} onSubmit={resetPersonPassword} defaultValues={{ userId: u.id, version: String(u.version) }} />
            </div>
          </Card>
        </>
      )}

      {u.role !== "admin" ? (
        <Card>
          <CardTitle>{u.role === "assistant" ? "Supervising therapists" : "Supervised assistants"}</CardTitle>
          <ul className="mt-3 space-y-2">
            {supervising.length === 0 ? <li className="text-muted-foreground">None yet.</li> : null}
            {supervising.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-semibold">{p.name}</span>
                <ActionButton
                  action={assignSupervision}
                  input={u.role === "assistant" ? { assistantId: u.id, therapistId: p.id, assign: false } : { assistantId: p.id, therapistId: u.id, assign: false }}
                  done="Removed."
                  variant="ghost"
                >
                  Remove {p.name}
                </ActionButton>
              </li>
            ))}
          </ul>
          <div className="mt-4">
            <AddAssignment
              id="supervision"
              label={u.role === "assistant" ? "Add a supervising therapist" : "Add a supervised assistant"}
              options={peers.map((p) => ({ id: p.id, name: p.name }))}
              onSubmit={assignSupervision}
              {...(u.role === "assistant" ? { base: { assistantId: u.id }, choiceField: "therapistId" as const } : { base: { therapistId: u.id }, choiceField: "assistantId" as const })}
            />
          </div>
        </Card>
      ) : null}

      {u.role === "assistant" ? (
        <Card>
          <CardTitle>Caseload</CardTitle>
          <p className="text-muted-foreground">The patients this assistant may see and work with.</p>
          <ul className="mt-3 space-y-2">
            {caseload.length === 0 ? <li className="text-muted-foreground">No patients yet.</li> : null}
            {caseload.map((p) => (
              <li key={p.id} className="flex flex-wrap items-center justify-between gap-2">
                <span className="font-semibold">
                  {p.name} <span className="font-normal text-muted-foreground">{p.mrn}</span>
                </span>
                <ActionButton action={assignCaseload} input={{ assistantId: u.id, patientId: p.id, assign: false }} done="Removed." variant="ghost">
                  Remove {p.name}
                </ActionButton>
              </li>
            ))}
          </ul>
          <div className="mt-4">
            <AddAssignment
              id="caseload"
              label="Add a patient to the caseload"
              options={patients.map((p) => ({ id: p.id, name: `${p.displayName} (${p.mrn})` }))}
              onSubmit={assignCaseload}
              base={{ assistantId: u.id }}
              choiceField="patientId"
            />
          </div>
        </Card>
      ) : null}
    </div>
  );
}
