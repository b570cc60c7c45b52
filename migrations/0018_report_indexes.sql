DROP INDEX "incidents_mechanism_idx";--> statement-breakpoint
CREATE INDEX "alerts_local_raised_at_idx" ON "alerts" USING btree ("raised_at") WHERE "alerts"."tier" = 'local';--> statement-breakpoint
CREATE INDEX "incident_events_investigation_idx" ON "incident_events" USING btree ("at") WHERE "incident_events"."kind" = 'investigation';--> statement-breakpoint
CREATE INDEX "incidents_exercise_idx" ON "incidents" USING btree ("id") WHERE "incidents"."exercise";--> statement-breakpoint
CREATE INDEX "movement_events_notice_idx" ON "movement_events" USING btree ("at") WHERE "movement_events"."kind" = 'notice';--> statement-breakpoint
CREATE INDEX "movements_mechanism_at_idx" ON "movements" USING btree ("mechanism_id","at");--> statement-breakpoint
CREATE INDEX "incidents_mechanism_idx" ON "incidents" USING btree ("mechanism_id","occurred_at");