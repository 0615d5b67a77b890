CREATE TYPE "public"."outbox_outcome" AS ENUM('pending', 'applied', 'conflict', 'refused');--> statement-breakpoint
CREATE TABLE "verbal_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"appointment_id" uuid,
	"reported_by" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"reported_at" timestamp with time zone NOT NULL,
	"summary" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox_mutations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"actor_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"outcome" "outbox_outcome" DEFAULT 'pending' NOT NULL,
	"answer" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"client_created_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"completed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "verbal_reports" ADD CONSTRAINT "verbal_reports_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verbal_reports" ADD CONSTRAINT "verbal_reports_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verbal_reports" ADD CONSTRAINT "verbal_reports_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verbal_reports" ADD CONSTRAINT "verbal_reports_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "verbal_reports" ADD CONSTRAINT "verbal_reports_therapist_id_users_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_mutations" ADD CONSTRAINT "outbox_mutations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outbox_mutations" ADD CONSTRAINT "outbox_mutations_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "verbal_reports_appointment_idx" ON "verbal_reports" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "verbal_reports_patient_idx" ON "verbal_reports" USING btree ("patient_id","reported_at");--> statement-breakpoint
CREATE INDEX "verbal_reports_reported_by_idx" ON "verbal_reports" USING btree ("reported_by","reported_at");--> statement-breakpoint
CREATE INDEX "verbal_reports_therapist_idx" ON "verbal_reports" USING btree ("therapist_id","reported_at");--> statement-breakpoint
CREATE INDEX "verbal_reports_clinic_idx" ON "verbal_reports" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "outbox_mutations_clinic_idx" ON "outbox_mutations" USING btree ("clinic_id","received_at");--> statement-breakpoint
CREATE INDEX "outbox_mutations_actor_idx" ON "outbox_mutations" USING btree ("actor_id","received_at");