CREATE TABLE "handout_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"handout_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"goal_id" uuid,
	"delegation_id" uuid,
	"linked_by" uuid NOT NULL,
	"linked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"unlinked_by" uuid,
	"unlinked_at" timestamp with time zone,
	CONSTRAINT "handout_links_one_target" CHECK (("handout_links"."goal_id" is null) <> ("handout_links"."delegation_id" is null))
);
--> statement-breakpoint
CREATE TABLE "handout_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"handout_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"content" jsonb NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handouts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"discipline" "discipline",
	"created_by" uuid NOT NULL,
	"current_version" integer DEFAULT 1 NOT NULL,
	"archived" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "education_given" ADD COLUMN "handout_version_id" uuid;--> statement-breakpoint
ALTER TABLE "handout_links" ADD CONSTRAINT "handout_links_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_links" ADD CONSTRAINT "handout_links_handout_id_handouts_id_fk" FOREIGN KEY ("handout_id") REFERENCES "public"."handouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_links" ADD CONSTRAINT "handout_links_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_links" ADD CONSTRAINT "handout_links_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_links" ADD CONSTRAINT "handout_links_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_links" ADD CONSTRAINT "handout_links_linked_by_users_id_fk" FOREIGN KEY ("linked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_links" ADD CONSTRAINT "handout_links_unlinked_by_users_id_fk" FOREIGN KEY ("unlinked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_versions" ADD CONSTRAINT "handout_versions_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_versions" ADD CONSTRAINT "handout_versions_handout_id_handouts_id_fk" FOREIGN KEY ("handout_id") REFERENCES "public"."handouts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handout_versions" ADD CONSTRAINT "handout_versions_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handouts" ADD CONSTRAINT "handouts_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handouts" ADD CONSTRAINT "handouts_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "handout_links_goal_key" ON "handout_links" USING btree ("handout_id","goal_id") WHERE unlinked_at is null and goal_id is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "handout_links_delegation_key" ON "handout_links" USING btree ("handout_id","delegation_id") WHERE unlinked_at is null and delegation_id is not null;--> statement-breakpoint
CREATE INDEX "handout_links_patient_idx" ON "handout_links" USING btree ("patient_id","unlinked_at");--> statement-breakpoint
CREATE INDEX "handout_links_handout_idx" ON "handout_links" USING btree ("handout_id");--> statement-breakpoint
CREATE INDEX "handout_links_goal_idx" ON "handout_links" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "handout_links_delegation_idx" ON "handout_links" USING btree ("delegation_id");--> statement-breakpoint
CREATE INDEX "handout_links_clinic_idx" ON "handout_links" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "handout_links_linked_by_idx" ON "handout_links" USING btree ("linked_by");--> statement-breakpoint
CREATE INDEX "handout_links_unlinked_by_idx" ON "handout_links" USING btree ("unlinked_by");--> statement-breakpoint
CREATE UNIQUE INDEX "handout_versions_handout_version_key" ON "handout_versions" USING btree ("handout_id","version");--> statement-breakpoint
CREATE INDEX "handout_versions_clinic_idx" ON "handout_versions" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "handout_versions_created_by_idx" ON "handout_versions" USING btree ("created_by");--> statement-breakpoint
CREATE INDEX "handouts_clinic_list_idx" ON "handouts" USING btree ("clinic_id","archived","updated_at");--> statement-breakpoint
CREATE INDEX "handouts_created_by_idx" ON "handouts" USING btree ("created_by");--> statement-breakpoint
ALTER TABLE "education_given" ADD CONSTRAINT "education_given_handout_version_id_handout_versions_id_fk" FOREIGN KEY ("handout_version_id") REFERENCES "public"."handout_versions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "education_given_handout_version_idx" ON "education_given" USING btree ("handout_version_id");