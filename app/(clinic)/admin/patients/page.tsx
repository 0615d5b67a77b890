import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { requirePermission } from "@/lib/auth/session";
import { getLocale, getTranslations } from "next-intl/server";
import { searchPatients } from "@/lib/patients/queries";
import { formatDay } from "@/lib/time";
import { patientSearchParams } from "@/lib/patients/schemas";
import { readSearchParams, type SearchParams } from "@/lib/validation";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPatients"))("title") };
}

export default async function AdminPatientsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const actor = await requirePermission("patient:manage", "/admin/patients");
  const { values, invalid } = readSearchParams(patientSearchParams, await searchParams);
  const { q, status } = values;
  const page = await searchPatients(actor, { q, status, after: values.after ?? null, limit: 50 });
  const [t, common, locale] = await Promise.all([getTranslations("adminPatients"), getTranslations("common"), getLocale()]);
  const nextHref = page.next ? `/admin/patients?${new URLSearchParams({ q, status, after: page.next })}` : null;
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <Button asChild>
          <Link href="/admin/patients/new">{t("add")}</Link>
        </Button>
      </div>
      <form method="get" className="flex flex-wrap items-end gap-3" aria-label={t("searchLabel")}>
        <div className="min-w-64 flex-1 space-y-1">
          <Label htmlFor="q">{t("query")}</Label>
          <Input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <div className="w-48 space-y-1">
          <Label htmlFor="status">{t("status")}</Label>
          <Select id="status" name="status" defaultValue={status}>
            <option value="active">{t("active")}</option>
            <option value="discharged">{t("discharged")}</option>
            <option value="all">{t("all")}</option>
          </Select>
        </div>
        <Button type="submit" variant="secondary">
          {common("search")}
        </Button>
      </form>
      {invalid.length ? <Alert tone="warning">{invalid.includes("after") ? t("invalidPage") : t("invalidOptions")}</Alert> : null}
      {page.items.length === 0 ? (
        <p className="text-muted-foreground">{t("none")}</p>
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
                <span>{t("born", { date: p.dateOfBirth ? formatDay(p.dateOfBirth, locale) : "—" })}</span>
                {p.status === "discharged" ? <Badge>{t("discharged")}</Badge> : null}
                {p.interpreterNeeded ? <Badge tone="info">{t("interpreter", { language: p.preferredLanguage })}</Badge> : null}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {nextHref ? (
        <Button asChild variant="secondary">
          <Link href={nextHref}>{t("next")}</Link>
        </Button>
      ) : null}
    </div>
  );
}
