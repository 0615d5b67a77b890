CREATE TYPE "public"."equipment_status" AS ENUM('ok', 'needs_service', 'out_of_service');--> statement-breakpoint
CREATE TYPE "public"."prep_item_result" AS ENUM('ok', 'failed');--> statement-breakpoint
CREATE TYPE "public"."room_prep_status" AS ENUM('not_started', 'in_progress', 'ready');--> statement-breakpoint
CREATE TYPE "public"."supply_movement_kind" AS ENUM('use', 'restock', 'adjust');--> statement-breakpoint
CREATE TYPE "public"."delegation_status" AS ENUM('active', 'ended');--> statement-breakpoint
CREATE TYPE "public"."goal_status" AS ENUM('active', 'met', 'discontinued');--> statement-breakpoint
CREATE TYPE "public"."appointment_status" AS ENUM('scheduled', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."attendance" AS ENUM('present', 'late', 'no_show', 'cancelled');--> statement-breakpoint
CREATE TYPE "public"."assist_level" AS ENUM('independent', 'supervision', 'minimal', 'moderate', 'maximal', 'dependent');--> statement-breakpoint
CREATE TYPE "public"."education_audience" AS ENUM('patient', 'family', 'caregiver');--> statement-breakpoint
CREATE TYPE "public"."education_method" AS ENUM('verbal', 'demonstration', 'handout', 'video');--> statement-breakpoint
CREATE TYPE "public"."observation_status" AS ENUM('draft', 'submitted', 'returned', 'signed');--> statement-breakpoint
CREATE TYPE "public"."understanding" AS ENUM('full', 'partial', 'none');--> statement-breakpoint
CREATE TYPE "public"."concern_kind" AS ENUM('pain', 'fall', 'condition_change', 'behavior_change', 'other');--> statement-breakpoint
CREATE TYPE "public"."concern_status" AS ENUM('open', 'acknowledged');--> statement-breakpoint
CREATE TYPE "public"."report_status" AS ENUM('submitted', 'acknowledged');--> statement-breakpoint
CREATE TABLE "checklist_template_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"template_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"label" text NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"equipment_id" uuid,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "checklist_templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"room_kind" "room_kind",
	"room_id" uuid,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "equipment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"name" text NOT NULL,
	"status" "equipment_status" DEFAULT 'ok' NOT NULL,
	"status_note" text,
	"next_maintenance_on" date,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room_prep_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"prep_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"label" text NOT NULL,
	"required" boolean NOT NULL,
	"equipment_id" uuid,
	"result" "prep_item_result",
	"checked_by" uuid,
	"checked_at" timestamp with time zone,
	"note" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "room_preps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"room_id" uuid NOT NULL,
	"day" date NOT NULL,
	"template_id" uuid,
	"status" "room_prep_status" DEFAULT 'not_started' NOT NULL,
	"completed_by" uuid,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supplies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"reorder_level" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "supplies_on_hand_nonnegative" CHECK ("supplies"."on_hand" >= 0)
);
--> statement-breakpoint
CREATE TABLE "supply_movements" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"supply_id" uuid NOT NULL,
	"kind" "supply_movement_kind" NOT NULL,
	"delta" integer NOT NULL,
	"by_user_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "competencies" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"assistant_id" uuid NOT NULL,
	"task_type" text NOT NULL,
	"verified_by" uuid NOT NULL,
	"verified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_on" date,
	"note" text,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"assistant_id" uuid NOT NULL,
	"task_type" text NOT NULL,
	"goal_id" uuid,
	"instructions" text NOT NULL,
	"frequency" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"status" "delegation_status" DEFAULT 'active' NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"description" text NOT NULL,
	"unit" text NOT NULL,
	"baseline" numeric,
	"target" numeric,
	"target_date" date,
	"status" "goal_status" DEFAULT 'active' NOT NULL,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointment_series" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"assistant_id" uuid,
	"room_id" uuid NOT NULL,
	"weekdays" smallint[] NOT NULL,
	"start_time" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"starts_on" date NOT NULL,
	"until_on" date,
	"occurrences" integer,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "appointments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"assistant_id" uuid,
	"room_id" uuid NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"series_id" uuid,
	"status" "appointment_status" DEFAULT 'scheduled' NOT NULL,
	"cancel_reason" text,
	"attendance" "attendance",
	"arrived_at" timestamp with time zone,
	"attendance_recorded_by" uuid,
	"attendance_recorded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "amendments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"observation_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"author_label" text NOT NULL,
	"reason" text NOT NULL,
	"text" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "education_given" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"observation_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"audience" "education_audience" NOT NULL,
	"method" "education_method" NOT NULL,
	"understanding" "understanding" NOT NULL,
	"language" text NOT NULL,
	"position" smallint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_observations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"observation_id" uuid NOT NULL,
	"goal_id" uuid NOT NULL,
	"value" numeric,
	"assist_level" "assist_level",
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "observations" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"appointment_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"captured_by" uuid NOT NULL,
	"captured_by_label" text NOT NULL,
	"supervising_therapist_id" uuid NOT NULL,
	"attitude" smallint,
	"attitude_tags" text[] DEFAULT '{}' NOT NULL,
	"accomplishments" text DEFAULT '' NOT NULL,
	"comfort_and_needs" text DEFAULT '' NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"status" "observation_status" DEFAULT 'draft' NOT NULL,
	"submitted_at" timestamp with time zone,
	"returned_at" timestamp with time zone,
	"returned_by" uuid,
	"return_comment" text,
	"signed_at" timestamp with time zone,
	"signed_by" uuid,
	"signed_by_label" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_completions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"observation_id" uuid NOT NULL,
	"delegation_id" uuid NOT NULL,
	"done" boolean NOT NULL,
	"note" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "concerns" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"appointment_id" uuid,
	"raised_by" uuid NOT NULL,
	"therapist_id" uuid NOT NULL,
	"kind" "concern_kind" NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"status" "concern_status" DEFAULT 'open' NOT NULL,
	"raised_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"comment" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "progress_reports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"clinic_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"author_label" text NOT NULL,
	"therapist_id" uuid NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"figures" jsonb NOT NULL,
	"narrative" text NOT NULL,
	"status" "report_status" DEFAULT 'submitted' NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	"comment" text,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "checklist_template_items" ADD CONSTRAINT "checklist_template_items_template_id_checklist_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."checklist_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_template_items" ADD CONSTRAINT "checklist_template_items_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_templates" ADD CONSTRAINT "checklist_templates_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklist_templates" ADD CONSTRAINT "checklist_templates_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment" ADD CONSTRAINT "equipment_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "equipment" ADD CONSTRAINT "equipment_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_prep_items" ADD CONSTRAINT "room_prep_items_prep_id_room_preps_id_fk" FOREIGN KEY ("prep_id") REFERENCES "public"."room_preps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_prep_items" ADD CONSTRAINT "room_prep_items_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "public"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_prep_items" ADD CONSTRAINT "room_prep_items_checked_by_users_id_fk" FOREIGN KEY ("checked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_preps" ADD CONSTRAINT "room_preps_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_preps" ADD CONSTRAINT "room_preps_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_preps" ADD CONSTRAINT "room_preps_template_id_checklist_templates_id_fk" FOREIGN KEY ("template_id") REFERENCES "public"."checklist_templates"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "room_preps" ADD CONSTRAINT "room_preps_completed_by_users_id_fk" FOREIGN KEY ("completed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supplies" ADD CONSTRAINT "supplies_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_movements" ADD CONSTRAINT "supply_movements_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_movements" ADD CONSTRAINT "supply_movements_supply_id_supplies_id_fk" FOREIGN KEY ("supply_id") REFERENCES "public"."supplies"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_movements" ADD CONSTRAINT "supply_movements_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competencies" ADD CONSTRAINT "competencies_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competencies" ADD CONSTRAINT "competencies_assistant_id_users_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "competencies" ADD CONSTRAINT "competencies_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_therapist_id_users_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_assistant_id_users_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goals" ADD CONSTRAINT "goals_therapist_id_users_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_therapist_id_users_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_assistant_id_users_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointment_series" ADD CONSTRAINT "appointment_series_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_therapist_id_users_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_assistant_id_users_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_room_id_rooms_id_fk" FOREIGN KEY ("room_id") REFERENCES "public"."rooms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_series_id_appointment_series_id_fk" FOREIGN KEY ("series_id") REFERENCES "public"."appointment_series"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_attendance_recorded_by_users_id_fk" FOREIGN KEY ("attendance_recorded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "amendments" ADD CONSTRAINT "amendments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "education_given" ADD CONSTRAINT "education_given_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_observations" ADD CONSTRAINT "goal_observations_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_observations" ADD CONSTRAINT "goal_observations_goal_id_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."goals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_captured_by_users_id_fk" FOREIGN KEY ("captured_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_supervising_therapist_id_users_id_fk" FOREIGN KEY ("supervising_therapist_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "observations" ADD CONSTRAINT "observations_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_completions" ADD CONSTRAINT "task_completions_observation_id_observations_id_fk" FOREIGN KEY ("observation_id") REFERENCES "public"."observations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_completions" ADD CONSTRAINT "task_completions_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_appointment_id_appointments_id_fk" FOREIGN KEY ("appointment_id") REFERENCES "public"."appointments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_raised_by_users_id_fk" FOREIGN KEY ("raised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_therapist_id_users_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "concerns" ADD CONSTRAINT "concerns_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_clinic_id_clinics_id_fk" FOREIGN KEY ("clinic_id") REFERENCES "public"."clinics"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_therapist_id_users_id_fk" FOREIGN KEY ("therapist_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "progress_reports" ADD CONSTRAINT "progress_reports_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "checklist_template_items_template_idx" ON "checklist_template_items" USING btree ("template_id","position");--> statement-breakpoint
CREATE INDEX "checklist_template_items_equipment_idx" ON "checklist_template_items" USING btree ("equipment_id");--> statement-breakpoint
CREATE INDEX "checklist_templates_clinic_idx" ON "checklist_templates" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "checklist_templates_room_idx" ON "checklist_templates" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "equipment_room_idx" ON "equipment" USING btree ("room_id");--> statement-breakpoint
CREATE INDEX "equipment_clinic_maintenance_idx" ON "equipment" USING btree ("clinic_id","next_maintenance_on");--> statement-breakpoint
CREATE INDEX "room_prep_items_prep_idx" ON "room_prep_items" USING btree ("prep_id","position");--> statement-breakpoint
CREATE INDEX "room_prep_items_equipment_idx" ON "room_prep_items" USING btree ("equipment_id");--> statement-breakpoint
CREATE INDEX "room_prep_items_checked_by_idx" ON "room_prep_items" USING btree ("checked_by");--> statement-breakpoint
CREATE UNIQUE INDEX "room_preps_room_day_key" ON "room_preps" USING btree ("room_id","day");--> statement-breakpoint
CREATE INDEX "room_preps_clinic_day_idx" ON "room_preps" USING btree ("clinic_id","day");--> statement-breakpoint
CREATE INDEX "room_preps_template_idx" ON "room_preps" USING btree ("template_id");--> statement-breakpoint
CREATE INDEX "room_preps_completed_by_idx" ON "room_preps" USING btree ("completed_by");--> statement-breakpoint
CREATE UNIQUE INDEX "supplies_clinic_name_key" ON "supplies" USING btree ("clinic_id","name");--> statement-breakpoint
CREATE INDEX "supply_movements_supply_at_idx" ON "supply_movements" USING btree ("supply_id","at");--> statement-breakpoint
CREATE INDEX "supply_movements_by_idx" ON "supply_movements" USING btree ("by_user_id");--> statement-breakpoint
CREATE INDEX "supply_movements_clinic_idx" ON "supply_movements" USING btree ("clinic_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "competencies_current_key" ON "competencies" USING btree ("assistant_id","task_type") WHERE revoked_at is null;--> statement-breakpoint
CREATE INDEX "competencies_verified_by_idx" ON "competencies" USING btree ("verified_by");--> statement-breakpoint
CREATE INDEX "competencies_clinic_idx" ON "competencies" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "delegations_assistant_patient_idx" ON "delegations" USING btree ("assistant_id","patient_id","status");--> statement-breakpoint
CREATE INDEX "delegations_patient_idx" ON "delegations" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "delegations_therapist_idx" ON "delegations" USING btree ("therapist_id");--> statement-breakpoint
CREATE INDEX "delegations_goal_idx" ON "delegations" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "delegations_clinic_idx" ON "delegations" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "goals_patient_status_idx" ON "goals" USING btree ("patient_id","status");--> statement-breakpoint
CREATE INDEX "goals_therapist_idx" ON "goals" USING btree ("therapist_id");--> statement-breakpoint
CREATE INDEX "goals_clinic_idx" ON "goals" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "appointment_series_clinic_idx" ON "appointment_series" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "appointment_series_patient_idx" ON "appointment_series" USING btree ("patient_id");--> statement-breakpoint
CREATE INDEX "appointments_clinic_starts_idx" ON "appointments" USING btree ("clinic_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_assistant_starts_idx" ON "appointments" USING btree ("assistant_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_therapist_starts_idx" ON "appointments" USING btree ("therapist_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_patient_starts_idx" ON "appointments" USING btree ("patient_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_room_starts_idx" ON "appointments" USING btree ("room_id","starts_at");--> statement-breakpoint
CREATE INDEX "appointments_series_idx" ON "appointments" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "amendments_observation_idx" ON "amendments" USING btree ("observation_id");--> statement-breakpoint
CREATE INDEX "amendments_author_idx" ON "amendments" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "education_given_observation_idx" ON "education_given" USING btree ("observation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "goal_observations_obs_goal_key" ON "goal_observations" USING btree ("observation_id","goal_id");--> statement-breakpoint
CREATE INDEX "goal_observations_goal_idx" ON "goal_observations" USING btree ("goal_id");--> statement-breakpoint
CREATE UNIQUE INDEX "observations_appointment_key" ON "observations" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "observations_review_idx" ON "observations" USING btree ("supervising_therapist_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "observations_patient_idx" ON "observations" USING btree ("patient_id","created_at");--> statement-breakpoint
CREATE INDEX "observations_captured_by_idx" ON "observations" USING btree ("captured_by","status");--> statement-breakpoint
CREATE INDEX "observations_clinic_status_idx" ON "observations" USING btree ("clinic_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "observations_signed_by_idx" ON "observations" USING btree ("signed_by");--> statement-breakpoint
CREATE INDEX "observations_returned_by_idx" ON "observations" USING btree ("returned_by");--> statement-breakpoint
CREATE UNIQUE INDEX "task_completions_obs_delegation_key" ON "task_completions" USING btree ("observation_id","delegation_id");--> statement-breakpoint
CREATE INDEX "task_completions_delegation_idx" ON "task_completions" USING btree ("delegation_id");--> statement-breakpoint
CREATE INDEX "concerns_therapist_status_idx" ON "concerns" USING btree ("therapist_id","status","raised_at");--> statement-breakpoint
CREATE INDEX "concerns_patient_idx" ON "concerns" USING btree ("patient_id","raised_at");--> statement-breakpoint
CREATE INDEX "concerns_raised_by_idx" ON "concerns" USING btree ("raised_by");--> statement-breakpoint
CREATE INDEX "concerns_appointment_idx" ON "concerns" USING btree ("appointment_id");--> statement-breakpoint
CREATE INDEX "concerns_clinic_idx" ON "concerns" USING btree ("clinic_id","status");--> statement-breakpoint
CREATE INDEX "concerns_ack_by_idx" ON "concerns" USING btree ("acknowledged_by");--> statement-breakpoint
CREATE INDEX "progress_reports_therapist_status_idx" ON "progress_reports" USING btree ("therapist_id","status","submitted_at");--> statement-breakpoint
CREATE INDEX "progress_reports_patient_idx" ON "progress_reports" USING btree ("patient_id","period_end");--> statement-breakpoint
CREATE INDEX "progress_reports_author_idx" ON "progress_reports" USING btree ("author_id");--> statement-breakpoint
CREATE INDEX "progress_reports_clinic_idx" ON "progress_reports" USING btree ("clinic_id");--> statement-breakpoint
CREATE INDEX "progress_reports_ack_by_idx" ON "progress_reports" USING btree ("acknowledged_by");