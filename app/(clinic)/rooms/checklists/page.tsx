import type { Metadata } from "next";
import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { Button } from "@/components/ui/button";
import { requirePermission } from "@/lib/auth/session";
import { listChecklistTemplates } from "@/lib/rooms/template-queries";
import { ROOM_KIND_LABEL } from "@/lib/rooms/schemas";

export const metadata: Metadata = { title: "Room checklists" };
export const dynamic = "force-dynamic";

export default async function ChecklistsPage() {
  const actor = await requirePermission("checklist:manage", "/rooms/checklists");
  const templates = await listChecklistTemplates(actor);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold">Room checklists</h1>
          <p className="text-muted-foreground">Changes apply from the next room prep; checklists already started keep their items.</p>
        </div>
        <Button asChild>
          <Link href="/rooms/checklists/new">New checklist</Link>
        </Button>
      </div>
      {templates.length ? (
        <ul className="divide-y divide-border overflow-hidden rounded-lg border border-border bg-surface">
          {templates.map((t) => (
            <li key={t.id}>
              <Link href={`/rooms/checklists/${t.id}`} className="flex min-h-16 items-center gap-4 px-4 py-3 hover:bg-muted">
                <div className="min-w-0 flex-1">
                  <p className="text-lg font-semibold">{t.name}</p>
                  <p className="text-muted-foreground">
                    {t.roomName ? `Room: ${t.roomName}` : `Every ${ROOM_KIND_LABEL[t.roomKind!].toLowerCase()}`} · {t.items} items
                  </p>
                </div>
                <ChevronRight aria-hidden className="h-6 w-6 shrink-0 text-muted-foreground" />
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted-foreground">No checklists yet.</p>
      )}
    </div>
  );
}
