CREATE TYPE "public"."checklist_kind" AS ENUM('bomb_threat', 'pursuit', 'wildfire', 'flood', 'heat_wave', 'snow_storm');--> statement-breakpoint
CREATE TABLE "checklist_ticks" (
	"checklist_id" uuid NOT NULL,
	"step_id" text NOT NULL,
	"by_id" uuid,
	"by" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "checklist_ticks_checklist_id_step_id_pk" PRIMARY KEY("checklist_id","step_id")
);
--> statement-breakpoint
CREATE TABLE "checklists" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" "checklist_kind" NOT NULL,
	"started_by_id" uuid,
	"started_by" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	CONSTRAINT "checklists_incident_kind_key" UNIQUE("incident_id","kind")
);
--> statement-breakpoint
ALTER TABLE "checklist_ticks" ADD CONSTRAINT "checklist_ticks_checklist_id_checklists_id_fk" FOREIGN KEY ("checklist_id") REFERENCES "public"."checklists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "checklists" ADD CONSTRAINT "checklists_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;