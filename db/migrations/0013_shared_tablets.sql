CREATE TABLE "pin_challenges" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"enrolment_id" uuid NOT NULL,
	"nonce" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "pin_enrolments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"device_label" text NOT NULL,
	"public_key" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"disabled_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoked_reason" text
);
--> statement-breakpoint
ALTER TABLE "clinics" ADD COLUMN "pin_enrolment_days" integer DEFAULT 30 NOT NULL;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD COLUMN "method" text DEFAULT 'password' NOT NULL;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD COLUMN "enrolment_id" uuid;--> statement-breakpoint
ALTER TABLE "pin_enrolments" ADD CONSTRAINT "pin_enrolments_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pin_enrolments" ADD CONSTRAINT "pin_enrolments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pin_enrolments" ADD CONSTRAINT "pin_enrolments_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pin_challenges_expires_idx" ON "pin_challenges" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "pin_enrolments_user_idx" ON "pin_enrolments" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "pin_enrolments_clinic_device_idx" ON "pin_enrolments" USING btree ("clinic_id","device_id");--> statement-breakpoint
CREATE INDEX "pin_enrolments_revoked_by_idx" ON "pin_enrolments" USING btree ("revoked_by");