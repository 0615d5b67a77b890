import "server-only";
import { createHash } from "node:crypto";
import { sql, type SQL } from "drizzle-orm";
import { getDb, queryRows } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/auth/permissions";
import { WORKING_SET_FORMAT } from "./protocol";
import { appointmentScope, type Window } from "./working-set-scope";

/**
 * The working set's ETag without building it: one statement that digests (id, version) of every row
 * the set is made from — a superset where that is cheaper (all of the aide's delegations, the clinic's
 * rooms, equipment and supplies) — plus the user (name, title, language), clinic and day. Every write the set could show bumps
 * a version (or adds a row), so a changed set changes the tag; a spurious change only costs a full pull.
 */
export async function workingSetEtag(actor: Actor, w: Window): Promise<string> {
  assertCan(actor, "offline:sync");
  const [row] = await queryRows<{ digest: string | null }>(getDb(), digestQuery(actor, w));
  return createHash("sha256")
    .update([WORKING_SET_FORMAT, actor.id, actor.name, actor.title ?? "", actor.locale ?? "", actor.role, actor.clinic.timeZone, actor.clinic.idleTimeoutMinutes, w.today, row?.digest ?? ""].join("\n"))
    .digest("base64url")
    .slice(0, 32);
}

/** The digest statement (exported for EXPLAIN in tests). */
export function digestQuery(actor: Actor, w: Window): SQL {
  const u = actor.id;
  const c = actor.clinicId;
  return sql`with appts as (
      select appointments.id, appointments.version, appointments.patient_id, appointments.therapist_id
      from appointments where ${appointmentScope(actor, w)}
    )
    select md5(concat_ws('|',
      (select string_agg(id::text || ':' || version, ',' order by id) from appts),
      (select string_agg(p.id::text || ':' || p.version, ',' order by p.id) from patients p where p.id in (select patient_id from appts)),
      (select string_agg(d.id::text || ':' || d.version, ',' order by d.id) from delegations d where d.assistant_id = ${u} and d.clinic_id = ${c}),
      (select string_agg(g.id::text || ':' || g.version, ',' order by g.id) from goals g
         where g.id in (select goal_id from delegations where assistant_id = ${u} and clinic_id = ${c})),
      (select string_agg(k.id::text || ':' || coalesce(k.expires_on::text, '') || ':' || coalesce(k.revoked_at::text, ''), ',' order by k.id)
         from competencies k where k.assistant_id = ${u}),
      (select string_agg(o.id::text || ':' || o.version, ',' order by o.id) from observations o where o.appointment_id in (select id from appts)),
      (select count(*)::text from verbal_reports v where v.reported_by = ${u} and v.appointment_id in (select id from appts)),
      (select string_agg(rp.id::text || ':' || rp.version, ',' order by rp.id) from room_preps rp where rp.clinic_id = ${c} and rp.day = ${w.today}),
      (select string_agg(i.id::text || ':' || i.version, ',' order by i.id)
         from room_prep_items i join room_preps rp on rp.id = i.prep_id where rp.clinic_id = ${c} and rp.day = ${w.today}),
      (select string_agg(r.id::text || ':' || r.name || ':' || r.active::text, ',' order by r.id) from rooms r where r.clinic_id = ${c}),
      (select string_agg(e.id::text || ':' || e.version, ',' order by e.id) from equipment e where e.clinic_id = ${c}),
      (select count(*)::text || ':' || coalesce(sum(a.version), 0)::text || ':' || coalesce(max(a.updated_at)::text, '')
         from appointments a where a.clinic_id = ${c} and a.starts_at >= ${w.todayStart.toISOString()}::timestamptz and a.starts_at < ${w.todayEnd.toISOString()}::timestamptz),
      (select string_agg(s.id::text || ':' || s.version || ':' || s.on_hand || ':' || s.active::text, ',' order by s.id) from supplies s where s.clinic_id = ${c}),
      (select string_agg(t.id::text || ':' || t.version, ',' order by t.id) from users t
         where t.id in (select therapist_id from supervisions where assistant_id = ${u} union select therapist_id from appts)),
      (select version::text from clinics where id = ${c})
    )) as digest`;
}
