import { sql } from "drizzle-orm";
import { queryRows, type Queryable } from "./client";

export type BrokenLink = {
  clinicId: string | null;
  chainSeq: number;
  eventId: number;
  reason: "altered" | "removed_before" | "relinked";
};

export type ChainReport = { chains: number; events: number; broken: BrokenLink[] };

/**
 * Walk every clinic's audit chain and report its first broken link:
 * - altered: the row's content no longer hashes to its stored hash;
 * - removed_before: the sequence skips (a row before this one was deleted);
 * - relinked: its prev_hash is not the previous row's hash.
 * Set-based, so it runs over millions of events in one pass.
 */
export async function verifyAuditChain(q: Queryable): Promise<ChainReport> {
  const rows = await queryRows<{
    clinic_id: string | null;
    chain_seq: string | number;
    id: string | number;
    reason: BrokenLink["reason"];
    chains: string | number;
    events: string | number;
  }>(
    q,
    sql`with walked as (
      select id, clinic_id, chain_seq, prev_hash, hash,
        lag(hash) over w as expected_prev,
        lag(chain_seq) over w as prev_seq,
        audit_event_digest(prev_hash, chain_seq, at, clinic_id, actor_id, action, entity, entity_id,
          patient_id, ip, user_agent, detail) as recomputed
      from audit_events
      where chain_seq is not null
      window w as (partition by clinic_id order by chain_seq)
    ), broken as (
      select id, clinic_id, chain_seq,
        case
          when recomputed is distinct from hash then 'altered'
          when chain_seq <> coalesce(prev_seq, 0) + 1 then 'removed_before'
          when prev_hash is distinct from expected_prev then 'relinked'
        end as reason
      from walked
    ), firsts as (
      select distinct on (clinic_id) clinic_id, chain_seq, id, reason
      from broken where reason is not null order by clinic_id, chain_seq
    ), totals as (
      select count(distinct coalesce(clinic_id::text, '')) as chains, count(*) as events
      from audit_events where chain_seq is not null
    )
    select f.clinic_id, f.chain_seq, f.id, f.reason, t.chains, t.events
    from totals t left join firsts f on true`,
  );
  const first = rows[0];
  return {
    chains: Number(first?.chains ?? 0),
    events: Number(first?.events ?? 0),
    broken: rows
      .filter((r) => r.reason)
      .map((r) => ({ clinicId: r.clinic_id, chainSeq: Number(r.chain_seq), eventId: Number(r.id), reason: r.reason })),
  };
}
