-- Patient search by name or MRN (issue 5) stays fast with thousands of patients: one trigram index
-- over the text the search matches, so "%ana%" and "SR-10%" both use it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS patients_search_trgm ON patients
  USING gin ((lower(first_name || ' ' || last_name || ' ' || coalesce(preferred_name, '') || ' ' || mrn)) gin_trgm_ops);
