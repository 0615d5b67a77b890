import type { Metadata } from "next";
import { Download } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { ClientMessages } from "@/components/i18n/client-messages";
import { AddSupplyForm } from "@/components/supplies/add-supply-form";
import { EditSupplyForm } from "@/components/supplies/edit-supply-form";
import { SupplyMovementForm } from "@/components/supplies/supply-movement-form";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { can } from "@/lib/auth/permissions";
import { requirePermission } from "@/lib/auth/session";
import { listLowStock, listRecentMovements, listSupplies } from "@/lib/supplies/queries";
import { formatClinicDateTime, formatNumber } from "@/lib/time";
import { addSupply, recordMovement, saveSupply } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("supplies"))("title") };
}
export const dynamic = "force-dynamic";

export default async function SuppliesPage() {
  const actor = await requirePermission("supply:list", "/supplies");
  const manage = can(actor, "supply:manage");
  const [supplies, low, recent] = await Promise.all([listSupplies(actor), manage ? listLowStock(actor) : Promise.resolve([]), listRecentMovements(actor, 10)]);
  const [t, locale] = await Promise.all([getTranslations("supplies"), getLocale()]);
  const n = (v: number) => formatNumber(v, locale);
  return (
    <ClientMessages part="supplies">
      <div className="space-y-6">
        <div className="flex flex-wrap items-end justify-between gap-4">
          <h1 className="text-3xl font-bold">{t("title")}</h1>
          {manage ? (
            // plain links: the route handler answers with a file download
            <div className="flex flex-wrap gap-2">
              {(["csv", "xlsx"] as const).map((format) => (
                <a
                  key={format}
                  href={format === "csv" ? "/api/export/supplies" : "/api/export/supplies?format=xlsx"}
                  className="inline-flex min-h-11 items-center gap-2 rounded-lg border border-border bg-surface px-4 font-semibold hover:bg-muted"
                >
                  <Download aria-hidden className="h-5 w-5" /> {format === "csv" ? t("exportCsv") : t("exportExcel")}
                </a>
              ))}
            </div>
          ) : null}
        </div>

        {manage ? (
          <Card aria-labelledby="low-title">
            <CardTitle id="low-title">{t("lowTitle")}</CardTitle>
            {low.length ? (
              <ul className="mt-3 divide-y divide-border" aria-label={t("lowList")}>
                {low.map((s) => (
                  <li key={s.id} className="flex flex-wrap justify-between gap-2 py-2">
                    <span className="font-semibold">{s.name}</span>
                    <span>{t("onHandReorder", { onHand: n(s.onHand), unit: s.unit, level: n(s.reorderLevel) })}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-2 text-muted-foreground">{t("allAbove")}</p>
            )}
          </Card>
        ) : null}

        <section aria-labelledby="stock-title" className="space-y-3">
          <h2 id="stock-title" className="text-xl font-semibold">
            {t("stock")}
          </h2>
          <ul className="divide-y divide-border rounded-lg border border-border bg-surface" aria-label={t("list")}>
            {supplies.map((s) => (
              <li key={s.id} className="space-y-3 px-4 py-4" aria-labelledby={`supply-${s.id}`}>
                <div className="flex flex-wrap items-center gap-3">
                  <h3 id={`supply-${s.id}`} className="flex-1 text-lg font-semibold">
                    {s.name}
                  </h3>
                  <span className="text-lg" data-testid={`on-hand-${s.id}`}>
                    {t("onHand", { onHand: n(s.onHand), unit: s.unit })}
                  </span>
                  {s.low ? <Badge tone="warning">{t("low", { level: n(s.reorderLevel) })}</Badge> : null}
                  {manage ? <EditSupplyForm supply={s} onSubmit={saveSupply} /> : null}
                </div>
                {can(actor, "supply:move") ? <SupplyMovementForm supply={s} onSubmit={recordMovement} /> : null}
              </li>
            ))}
          </ul>
        </section>

        <Card aria-labelledby="recent-title">
          <CardTitle id="recent-title">{t("recent")}</CardTitle>
          {recent.length ? (
            <ul className="mt-3 divide-y divide-border">
              {recent.map((m) => (
                <li key={m.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>
                    <span className="font-semibold">{m.supplyName}</span>{" "}
                    {t("movement", {
                      delta: formatNumber(m.delta, locale, { signDisplay: "exceptZero" }),
                      unit: m.unit,
                      kind: t.has(`kinds.${m.kind}` as "kinds.use") ? t(`kinds.${m.kind}` as "kinds.use") : m.kind,
                    })}
                  </span>
                  <span className="text-muted-foreground">
                    {m.byName} · {formatClinicDateTime(m.at, actor.clinic.timeZone, locale)}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-muted-foreground">{t("noMovements")}</p>
          )}
        </Card>

        {manage ? (
          <Card aria-labelledby="add-title">
            <CardTitle id="add-title">{t("addTitle")}</CardTitle>
            <div className="mt-3">
              <AddSupplyForm onSubmit={addSupply} />
            </div>
          </Card>
        ) : null}
      </div>
    </ClientMessages>
  );
}
