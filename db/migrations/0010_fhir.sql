CREATE TYPE "public"."fhir_export_status" AS ENUM('queued', 'running', 'complete', 'failed', 'cancelled', 'expired');--> statement-breakpoint
CREATE TABLE "fhir_access_tokens" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"client_id" uuid NOT NULL,
	"clinic_id" uuid NOT NULL,
	"scopes" text[] NOT NULL,
	"jti" text NOT NULL,
	"issued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fhir_clients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"jwks" jsonb NOT NULL,
	"scopes" text[] NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "fhir_export_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"requested_by_user" uuid,
	"requested_by_client" uuid,
	"request_url" text NOT NULL,
	"group_id" uuid,
	"types" text[] NOT NULL,
	"since" timestamp with time zone,
	"status" "fhir_export_status" DEFAULT 'queued' NOT NULL,
	"output" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"expires_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "fhir_access_tokens" ADD CONSTRAINT "fhir_access_tokens_client_id_fhir_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."fhir_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fhir_access_tokens" ADD CONSTRAINT "fhir_access_tokens_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fhir_clients" ADD CONSTRAINT "fhir_clients_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fhir_clients" ADD CONSTRAINT "fhir_clients_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fhir_clients" ADD CONSTRAINT "fhir_clients_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fhir_export_jobs" ADD CONSTRAINT "fhir_export_jobs_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fhir_export_jobs" ADD CONSTRAINT "fhir_export_jobs_requested_by_user_users_id_fk" FOREIGN KEY ("requested_by_user") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "fhir_export_jobs" ADD CONSTRAINT "fhir_export_jobs_requested_by_client_fhir_clients_id_fk" FOREIGN KEY ("requested_by_client") REFERENCES "public"."fhir_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "fhir_access_tokens_client_jti_key" ON "fhir_access_tokens" USING btree ("client_id","jti");--> statement-breakpoint
CREATE INDEX "fhir_access_tokens_clinic_idx" ON "fhir_access_tokens" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "fhir_access_tokens_expires_idx" ON "fhir_access_tokens" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "fhir_clients_clinic_idx" ON "fhir_clients" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "fhir_clients_created_by_idx" ON "fhir_clients" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "fhir_clients_revoked_by_idx" ON "fhir_clients" USING btree ("revoked_by");--> statement-breakpoint
CREATE INDEX "fhir_export_jobs_clinic_idx" ON "fhir_export_jobs" USING btree ("clinic_id","created_at");--> statement-breakpoint
CREATE INDEX "fhir_export_jobs_expiry_idx" ON "fhir_export_jobs" USING btree ("expires_at") WHERE status = 'complete';--> statement-breakpoint
CREATE INDEX "fhir_export_jobs_user_idx" ON "fhir_export_jobs" USING btree ("requested_by_user");--> statement-breakpoint
CREATE INDEX "fhir_export_jobs_client_idx" ON "fhir_export_jobs" USING btree ("requested_by_client");