import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { checklistTemplateItems, checklistTemplates } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { conflict, notFound } from "@/lib/errors";
import { parseAppliesTo, updateChecklistTemplateSchema } from "./schemas";
import { assertTemplateTargets, templateItemRows } from "./template-targets";

/**
 * Replace a template's name, rooms and items. Old items are retired (active = false), not deleted.
 * Preps already created keep their own copies of the items, so today's checklists do not change.
 */
export async function updateChecklistTemplate(actor: Actor, input: unknown) {
  assertCan(actor, "checklist:manage");
  const data = updateChecklistTemplateSchema.parse(input);
  const target = parseAppliesTo(data.appliesTo);
  return getDb().transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: checklistTemplates.id })
      .from(checklistTemplates)
      .where(and(eq(checklistTemplates.id, data.templateId), eq(checklistTemplates.clinicId, actor.clinicId)));
    if (!existing) throw notFound("Checklist");
    await assertTemplateTargets(tx, actor, target, data.items);
    const [row] = await tx
      .update(checklistTemplates)
      .set({ name: data.name, roomKind: target.roomKind, roomId: target.roomId, version: sql`${checklistTemplates.version} + 1` })
      .where(and(eq(checklistTemplates.id, existing.id), eq(checklistTemplates.version, data.version)))
      .returning({ version: checklistTemplates.version });
    if (!row) throw conflict({ key: "errors.rooms.checklistStale" });
    await tx
      .update(checklistTemplateItems)
      .set({ active: false })
      .where(and(eq(checklistTemplateItems.templateId, existing.id), eq(checklistTemplateItems.active, true)));
    await tx.insert(checklistTemplateItems).values(templateItemRows(existing.id, data.items));
    await audit(tx, actor, {
      action: "checklist_template.update",
      entity: "checklist_template",
      entityId: existing.id,
      detail: { ...target, items: data.items.length },
    });
    return { templateId: existing.id, version: row.version };
  });
}
