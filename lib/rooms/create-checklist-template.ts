import "server-only";
import { getDb } from "@/db/client";
import { checklistTemplateItems, checklistTemplates } from "@/db/schema";
import { audit } from "@/lib/audit";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { createChecklistTemplateSchema, parseAppliesTo } from "./schemas";
import { assertTemplateTargets, templateItemRows } from "./template-targets";

/** A new prep checklist for a kind of room or one room. The id comes from the form, so a retried
 * save creates one template. */
export async function createChecklistTemplate(actor: Actor, input: unknown) {
  assertCan(actor, "checklist:manage");
  const data = createChecklistTemplateSchema.parse(input);
  const target = parseAppliesTo(data.appliesTo);
  return getDb().transaction(async (tx) => {
    await assertTemplateTargets(tx, actor, target, data.items);
    const [row] = await tx
      .insert(checklistTemplates)
      .values({ id: data.id, clinicId: actor.clinicId, name: data.name, roomKind: target.roomKind, roomId: target.roomId })
      .onConflictDoNothing({ target: checklistTemplates.id })
      .returning({ id: checklistTemplates.id, version: checklistTemplates.version });
    if (!row) return { templateId: data.id, created: false };
    await tx.insert(checklistTemplateItems).values(templateItemRows(row.id, data.items));
    await audit(tx, actor, {
      action: "checklist_template.create",
      entity: "checklist_template",
      entityId: row.id,
      detail: { ...target, items: data.items.length },
    });
    return { templateId: row.id, created: true };
  });
}
