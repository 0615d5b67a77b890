import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/admin/action-button";
import { FhirClientForm } from "@/components/admin/fhir-client-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { requirePermission } from "@/lib/auth/session";
import { fhirBase } from "@/lib/fhir/base-url";
import { GRANTABLE_SCOPES } from "@/lib/fhir/smart/scopes";
import { listClients } from "@/lib/fhir/smart/client-queries";
import { formatClinicDateTime } from "@/lib/time";
import { registerFhirClient, revokeFhirClient } from "./actions";
import { ClientMessages } from "@/components/i18n/client-messages";

export const metadata: Metadata = { title: "EMR interoperability" };
export const dynamic = "force-dynamic";

export default async function FhirAdminPage() {
  const actor = await requirePermission("fhir:clients", "/admin/fhir");
  const clients = await listClients(actor);
  const base = fhirBase();
  const tz = actor.clinic.timeZone;
  return (
    <ClientMessages part="fhir">
      <div className="space-y-6">
        <h1 className="text-3xl font-bold">EMR interoperability (FHIR R4)</h1>
        <Card>
          <CardTitle>The clinic&apos;s FHIR API</CardTitle>
          <p className="mt-2">
            Base URL <code className="break-all">{base}</code>. Token endpoint <code className="break-all">{base}/auth/token</code> (SMART Backend
            Services). Only signed entries are exported.
          </p>
          <p className="mt-3">
            <Link className="inline-flex min-h-11 items-center font-semibold underline" href="/admin/fhir/import">
              Import patients from a FHIR file
            </Link>
          </p>
        </Card>
        <Card>
          <CardTitle>Registered system clients</CardTitle>
          {clients.length === 0 ? <p className="mt-2 text-muted-foreground">No clients registered yet.</p> : null}
          <ul className="mt-3 divide-y divide-border" aria-label="Registered system clients">
            {clients.map((c) => (
              <li key={c.id} className="flex flex-wrap items-start gap-4 py-3">
                <div className="min-w-64 flex-1 space-y-1">
                  <p className="font-semibold">
                    {c.name} {c.revokedAt ? <Badge>Revoked</Badge> : <Badge tone="success">Active</Badge>}
                  </p>
                  <p className="text-sm">
                    client_id <code className="break-all">{c.id}</code>
                  </p>
                  <p className="text-sm text-muted-foreground">
                    Scopes: {c.scopes.join(" ")} · keys: {c.keyIds.join(", ")} · registered {formatClinicDateTime(c.createdAt, tz)}
                    {c.revokedAt ? ` · revoked ${formatClinicDateTime(c.revokedAt, tz)}` : ""}
                  </p>
                </div>
                {c.revokedAt ? null : (
                  <ActionButton action={revokeFhirClient} input={{ clientId: c.id, version: c.version }} done="Revoked: its tokens no longer work." confirm={`Revoke ${c.name}? Its tokens stop working at once.`} variant="danger">
                    Revoke {c.name}
                  </ActionButton>
                )}
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <CardTitle>Register a client</CardTitle>
          <div className="mt-4">
            <FhirClientForm onSubmit={registerFhirClient} scopes={GRANTABLE_SCOPES} />
          </div>
        </Card>
      </div>
    </ClientMessages>
  );
}
