DROP INDEX "audit_events_patient_at_idx";--> statement-breakpoint
CREATE INDEX "audit_events_clinic_id_idx" ON "audit_events" USING btree ("clinic_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_id_idx" ON "audit_events" USING btree ("actor_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_patient_id_idx" ON "audit_events" USING btree ("patient_id","id");