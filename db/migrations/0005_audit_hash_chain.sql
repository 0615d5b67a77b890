-- Tamper evidence for the audit trail: each event carries sha256(previous event's hash ‖ this event's
-- content), chained per clinic (events without a clinic form their own chain). An altered or removed row
-- breaks the chain; `npm run audit:verify` finds the first broken link.

CREATE OR REPLACE FUNCTION audit_event_digest(
  prev text, seq bigint, at timestamptz, clinic uuid, actor uuid, action text, entity text,
  entity_id text, patient uuid, ip text, user_agent text, detail jsonb
) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT encode(sha256(convert_to(concat_ws(E'\x1f',
    coalesce(prev, ''), seq::text, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
    coalesce(clinic::text, ''), coalesce(actor::text, ''), action, entity, coalesce(entity_id, ''),
    coalesce(patient::text, ''), coalesce(ip, ''), coalesce(user_agent, ''), detail::text), 'UTF8')), 'hex')
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION audit_events_chain() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  last_seq bigint;
  last_hash text;
BEGIN
  -- One writer at a time per chain; held to commit, so the next writer sees this row.
  PERFORM pg_advisory_xact_lock(7305114, hashtext(coalesce(NEW.clinic_id::text, 'no-clinic')));
  IF NEW.clinic_id IS NULL THEN
    SELECT chain_seq, hash INTO last_seq, last_hash FROM audit_events
      WHERE clinic_id IS NULL AND chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
  ELSE
    SELECT chain_seq, hash INTO last_seq, last_hash FROM audit_events
      WHERE clinic_id = NEW.clinic_id AND chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1;
  END IF;
  NEW.chain_seq := coalesce(last_seq, 0) + 1;
  NEW.prev_hash := last_hash;
  NEW.hash := audit_event_digest(NEW.prev_hash, NEW.chain_seq, NEW.at, NEW.clinic_id, NEW.actor_id,
    NEW.action, NEW.entity, NEW.entity_id, NEW.patient_id, NEW.ip, NEW.user_agent, NEW.detail);
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_chain BEFORE INSERT ON audit_events
  FOR EACH ROW EXECUTE FUNCTION audit_events_chain();
--> statement-breakpoint
-- Chain the events written before this migration, in id order (the append-only trigger is paused for
-- this one-time backfill only).
ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete;
--> statement-breakpoint
DO $$
DECLARE
  r record;
  prev text;
  seq bigint;
  cur_clinic text := NULL;
  first boolean := true;
BEGIN
  FOR r IN SELECT * FROM audit_events WHERE chain_seq IS NULL ORDER BY coalesce(clinic_id::text, ''), id LOOP
    IF first OR coalesce(r.clinic_id::text, '') <> cur_clinic THEN
      cur_clinic := coalesce(r.clinic_id::text, '');
      prev := NULL;
      seq := 0;
      first := false;
    END IF;
    seq := seq + 1;
    UPDATE audit_events SET chain_seq = seq, prev_hash = prev,
      hash = audit_event_digest(prev, seq, r.at, r.clinic_id, r.actor_id, r.action, r.entity, r.entity_id,
        r.patient_id, r.ip, r.user_agent, r.detail)
      WHERE id = r.id
      RETURNING hash INTO prev;
  END LOOP;
END;
$$;
--> statement-breakpoint
ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete;
