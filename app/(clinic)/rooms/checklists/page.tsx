import type { Metadata } from "next";
import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { getLocale, getTranslations } from "next-intl/server";
import { Button } from "@/components/ui/button";
import { requirePermission } from "@/lib/auth/session";
import { listChecklistTemplates } from "@/lib/rooms/template-queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("rooms"))("checklistsTitle") };
}
export const dynamic = "force-dynamic";

export default async function ChecklistsPage() {
  const actor = await requirePermission("checklist:manage", "/rooms/checklists");
  const [templates, t, kinds, locale] = await Promise.all([listChecklistTemplates(actor), getTranslations("rooms"), getTranslations("roomKinds"), getLocale()]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">{t("checklistsTitle")}</h1>
          <p className="text-muted-foreground">{t("checklistsNote")}</p>
        </div>
        <Button asChild>
          <Link href="/rooms/checklists/new">{t("newChecklist")}</Link>
        </Button>
      </div>
      {templates.length ? (
        <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-surface">
          {templates.map((c) => (
            <li key={c.id}>
              <Link href={`/rooms/checklists/${c.id}`} className="flex min-h-16 items-center gap-4 px-4 py-3 hover:bg-muted">
                <div className="min-w-0 flex-1">
                  <p className="text-lg font-semibold">{c.name}</p>
                  <p className="text-muted-foreground">
                    {c.roomName ? t("forRoom", { name: c.roomName }) : t("forKind", { kind: kinds(c.roomKind!).toLocaleLowerCase(locale) })} · {t("items", { count: c.items })}
                  </p>
                </div>
                <ChevronRight aria-hidden className="h-6 w-6 shrink-0 text-muted-foreground" />
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted-foreground">{t("noChecklists")}</p>
      )}
    </div>
  );
}
