import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { auditActions, searchAuditEvents } from "@/lib/audit-log/queries";
import { auditFilterSchema } from "@/lib/audit-log/schemas";
import { requirePermission } from "@/lib/auth/session";
import { scheduleOptions } from "@/lib/schedule/queries";
import { getLocale, getTranslations } from "next-intl/server";
import { formatClinicTimestamp } from "@/lib/time";
import { listUsers } from "@/lib/users/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("audit"))("title") };
}

type Search = Record<string, string | undefined>;

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requirePermission("audit:read", "/admin/audit");
  const sp = await searchParams;
  const parsed = auditFilterSchema.safeParse(sp);
  const filter = parsed.success ? parsed.data : {};
  const [{ rows, nextBefore }, staff, options, actions] = await Promise.all([
    searchAuditEvents(actor, filter),
    listUsers(actor),
    scheduleOptions(actor),
    auditActions(actor),
  ]);
  const tz = actor.clinic.timeZone;
  const [t, common, locale] = await Promise.all([getTranslations("audit"), getTranslations("common"), getLocale()]);
  const qs = (extra: Record<string, string>) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...filter, ...extra })) if (v !== undefined && v !== "" && k !== "before") p.set(k, String(v));
    if (extra.before) p.set("before", extra.before);
    return p.toString();
  };
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <div className="flex flex-wrap gap-2">
          <Button asChild variant="secondary">
            <a href={`/admin/audit/export?${qs({})}`} download>
              {t("export")}
            </a>
          </Button>
          <Button asChild variant="secondary">
            <a href={`/admin/audit/export?${qs({ format: "xlsx" })}`} download>
              {t("exportExcel")}
            </a>
          </Button>
        </div>
      </div>
      {!parsed.success ? <Alert tone="danger">{t("invalidFilters")}</Alert> : null}
      <form method="get" className="grid gap-3 md:grid-cols-3 lg:grid-cols-6 lg:items-end" aria-label={t("filterLabel")}>
        <div className="space-y-1 lg:col-span-1">
          <Label htmlFor="userId">{t("user")}</Label>
          <Select id="userId" name="userId" defaultValue={filter.userId ?? ""}>
            <option value="">{t("anyone")}</option>
            {staff.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="patientId">{t("patient")}</Label>
          <Select id="patientId" name="patientId" defaultValue={filter.patientId ?? ""}>
            <option value="">{t("any")}</option>
            {options.patients.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({p.mrn})
              </option>
            ))}
          </Select>
        </div>
        <div className="space-y-1">
          <Label htmlFor="action">{t("action")}</Label>
          <Input id="action" name="action" list="audit-actions" defaultValue={filter.action ?? ""} placeholder={t("actionPlaceholder")} />
          <datalist id="audit-actions">
            {actions.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
        </div>
        <div className="space-y-1">
          <Label htmlFor="from">{common("from")}</Label>
          <Input id="from" name="from" type="date" defaultValue={filter.from ?? ""} />
        </div>
        <div className="space-y-1">
          <Label htmlFor="to">{common("to")}</Label>
          <Input id="to" name="to" type="date" defaultValue={filter.to ?? ""} />
        </div>
        <div className="flex gap-2">
          <Button type="submit">{t("filter")}</Button>
          <Button asChild variant="ghost">
            <Link href="/admin/audit">{t("clear")}</Link>
          </Button>
        </div>
      </form>
      <div className="overflow-x-auto rounded-lg border border-border bg-surface" role="region" aria-label={t("events")} tabIndex={0}>
        <table className="w-full text-left">
          <caption className="sr-only">{t("caption")}</caption>
          <thead className="bg-muted">
            <tr>
              <th scope="col" className="p-2">{t("when", { zone: tz })}</th>
              <th scope="col" className="p-2">{t("who")}</th>
              <th scope="col" className="p-2">{t("action")}</th>
              <th scope="col" className="p-2">{t("patient")}</th>
              <th scope="col" className="p-2">{t("fromAddress")}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-border">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={5} className="p-3 text-muted-foreground">
                  {t("none")}
                </td>
              </tr>
            ) : null}
            {rows.map((e) => (
              <tr key={e.id}>
                <td className="whitespace-nowrap p-2">{formatClinicTimestamp(e.at, tz, locale)}</td>
                <td className="p-2">{e.actorName ?? "—"}</td>
                <td className="p-2 font-mono text-sm">{e.action}</td>
                <td className="p-2 font-mono text-sm">{e.patientMrn ?? "—"}</td>
                <td className="p-2 font-mono text-sm">{e.ip ?? "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {nextBefore ? (
        <Button asChild variant="secondary">
          <Link href={`/admin/audit?${qs({ before: String(nextBefore) })}`}>{t("older")}</Link>
        </Button>
      ) : null}
    </div>
  );
}
