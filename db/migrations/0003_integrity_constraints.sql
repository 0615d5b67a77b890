-- Rules the database itself enforces, so they hold under concurrency and whatever the app does.

CREATE EXTENSION IF NOT EXISTS btree_gist;
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_ends_after_starts CHECK (ends_at > starts_at);
--> statement-breakpoint
-- No double booking (issue 5; DESIGN rule 6): the same room, therapist, assistant or patient cannot be
-- in two scheduled appointments at overlapping times. Cancelled appointments free their slot.
ALTER TABLE appointments ADD CONSTRAINT appointments_no_room_overlap
  EXCLUDE USING gist (room_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status <> 'cancelled');
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_no_therapist_overlap
  EXCLUDE USING gist (therapist_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status <> 'cancelled');
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_no_assistant_overlap
  EXCLUDE USING gist (assistant_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status <> 'cancelled' AND assistant_id IS NOT NULL);
--> statement-breakpoint
ALTER TABLE appointments ADD CONSTRAINT appointments_no_patient_overlap
  EXCLUDE USING gist (patient_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&) WHERE (status <> 'cancelled');
--> statement-breakpoint
ALTER TABLE observations ADD CONSTRAINT observations_attitude_range CHECK (attitude IS NULL OR attitude BETWEEN 1 AND 5);
--> statement-breakpoint
-- Signed entries never change and clinical entries are never deleted (DESIGN rule 4).
CREATE OR REPLACE FUNCTION observations_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'observations are never deleted' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF OLD.status = 'signed' THEN
    RAISE EXCEPTION 'a signed entry cannot be changed; add an amendment' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER observations_guard BEFORE UPDATE OR DELETE ON observations
  FOR EACH ROW EXECUTE FUNCTION observations_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION observation_children_guard() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  parent_status observation_status;
BEGIN
  SELECT status INTO parent_status FROM observations
    WHERE id = CASE WHEN TG_OP = 'DELETE' THEN OLD.observation_id ELSE NEW.observation_id END;
  IF parent_status = 'signed' THEN
    RAISE EXCEPTION 'a signed entry cannot be changed; add an amendment' USING ERRCODE = 'insufficient_privilege';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER goal_observations_guard BEFORE INSERT OR UPDATE OR DELETE ON goal_observations
  FOR EACH ROW EXECUTE FUNCTION observation_children_guard();
--> statement-breakpoint
CREATE TRIGGER task_completions_guard BEFORE INSERT OR UPDATE OR DELETE ON task_completions
  FOR EACH ROW EXECUTE FUNCTION observation_children_guard();
--> statement-breakpoint
CREATE TRIGGER education_given_guard BEFORE INSERT OR UPDATE OR DELETE ON education_given
  FOR EACH ROW EXECUTE FUNCTION observation_children_guard();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION amendments_append_only() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'amendments are append-only' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER amendments_append_only BEFORE UPDATE OR DELETE ON amendments
  FOR EACH ROW EXECUTE FUNCTION amendments_append_only();
