-- An appointment spans at most 24 hours (the booking form allows 8). Range queries rely on it: "overlaps
-- [from, to)" becomes starts_at in (from - 24 h, to), which the (clinic_id, starts_at) index answers without
-- reading the clinic's whole history (lib/schedule/queries.ts, APPOINTMENT_MAX_SPAN_HOURS).
ALTER TABLE appointments ADD CONSTRAINT appointments_max_span CHECK (ends_at - starts_at <= interval '24 hours');
