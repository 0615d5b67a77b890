import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { requirePermission } from "@/lib/auth/session";
import { searchPatients } from "@/lib/patients/queries";
import { patientSearchParams } from "@/lib/patients/schemas";
import { readSearchParams, type SearchParams } from "@/lib/validation";

export const metadata: Metadata = { title: "Patients" };

export default async function AdminPatientsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("patient:manage", "/admin/patients");
  const { values, invalid } = readSearchParams(patientSearchParams, await searchParams);
  const { q, status } = values;
  const page = await searchPatients(actor, { q, status, after: values.after ?? null, limit: 50 });
  const nextHref = page.next ? `/admin/patients?${new URLSearchParams({ q, status, after: page.next })}` : null;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">Patients</h1>
        <Button asChild>
          <Link href="/admin/patients/new">Add patient</Link>
        </Button>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Search patients">
        <div className="min-w-64 flex-1 space-y-1">
          <Label htmlFor="q">Name or MRN</Label>
          <Input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <div className="w-48 space-y-1">
          <Label htmlFor="status">Status</Label>
          <Select id="status" name="status" defaultValue={status}>
            <option value="active">Active</option>
            <option value="discharged">Discharged</option>
            <option value="all">All</option>
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      {invalid.length ? <Alert tone="warning">{invalid.includes("after") ? "That page link was not valid; showing the first page." : "Some search options were not valid and were ignored."}</Alert> : null}
      {page.items.length === 0 ? (
        <p className="text-muted-foreground">No patients match.</p>
      ) : (
        <ul className="divide-y divide-border rounded-lg border border-border bg-surface">
          {page.items.map((p) => (
            <li key={p.id}>
              <Link href={`/admin/patients/${p.id}`} className="flex min-h-14 flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 hover:bg-muted">
                <span className="min-w-48 flex-1 font-semibold">
                  {p.displayName}
                  {p.displayName !== p.fullName ? <span className="block text-sm font-normal text-muted-foreground">{p.fullName}</span> : null}
                </span>
                <span className="font-mono">{p.mrn}</span>
                <span>Born {p.dateOfBirth}</span>
                {p.status === "discharged" ? <Badge>Discharged</Badge> : null}
                {p.interpreterNeeded ? <Badge tone="info">Interpreter: {p.preferredLanguage}</Badge> : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {nextHref ? (
        <Button asChild variant="secondary">
          <Link href={nextHref}>Next page</Link>
        </Button>
      ) : null}
    </div>
  );
}
