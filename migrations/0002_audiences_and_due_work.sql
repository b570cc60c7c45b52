CREATE TABLE "due_work" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"subject_id" text NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"payload" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone
);
--> statement-breakpoint
DROP INDEX "alerts_due_idx";--> statement-breakpoint
ALTER TABLE "events" ADD COLUMN "audience" jsonb;--> statement-breakpoint
CREATE INDEX "due_work_due_idx" ON "due_work" USING btree ("due_at") WHERE "due_work"."done_at" is null;--> statement-breakpoint
-- Escalation timers were the alerts' own deadlines; now they are due work (kind
-- `incident.escalation`, server/features/incidents/service.ts). Local alerts still open when
-- this runs get their row, so an upgrade loses no escalation.
INSERT INTO "due_work" ("kind", "subject_id", "due_at", "payload")
SELECT 'incident.escalation', "incident_id"::text, "ack_deadline", jsonb_build_object('alertId', "id")
FROM "alerts"
WHERE "tier" = 'local' AND "escalated_at" IS NULL AND "settled_at" IS NULL;
