ALTER TABLE "fhir_export_jobs" ADD COLUMN "runner" uuid;--> statement-breakpoint
ALTER TABLE "fhir_export_jobs" ADD COLUMN "heartbeat_at" timestamp with time zone;