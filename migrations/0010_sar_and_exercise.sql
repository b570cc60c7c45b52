CREATE TYPE "public"."sar_asset_kind" AS ENUM('aircraft', 'vehicle', 'dog', 'boat', 'other');--> statement-breakpoint
CREATE TYPE "public"."sar_outcome" AS ENUM('found_alive', 'found_deceased', 'not_found', 'called_off');--> statement-breakpoint
CREATE TYPE "public"."sar_sector_status" AS ENUM('assigned', 'searched', 'cleared');--> statement-breakpoint
CREATE TYPE "public"."sar_status" AS ENUM('open', 'closed');--> statement-breakpoint
CREATE TYPE "public"."sar_team_kind" AS ENUM('borstar', 'grupo_beta', 'fire_ems', 'other');--> statement-breakpoint
CREATE TABLE "sar_assets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"operation_id" uuid NOT NULL,
	"kind" "sar_asset_kind" NOT NULL,
	"description" text NOT NULL,
	"team_id" uuid,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sar_operations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"mechanism_id" text,
	"exercise" boolean DEFAULT false NOT NULL,
	"status" "sar_status" DEFAULT 'open' NOT NULL,
	"outcome" "sar_outcome",
	"outcome_note" text,
	"opened_by" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"closed_by" text,
	"closed_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sar_sectors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"operation_id" uuid NOT NULL,
	"name" text NOT NULL,
	"polygon" jsonb NOT NULL,
	"status" "sar_sector_status" DEFAULT 'assigned' NOT NULL,
	"team_id" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sar_teams" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"operation_id" uuid NOT NULL,
	"kind" "sar_team_kind" NOT NULL,
	"side" "country" NOT NULL,
	"name" text NOT NULL,
	"contact" text,
	"added_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "exercise" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sar_assets" ADD CONSTRAINT "sar_assets_operation_id_sar_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."sar_operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_assets" ADD CONSTRAINT "sar_assets_team_id_sar_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."sar_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_operations" ADD CONSTRAINT "sar_operations_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_operations" ADD CONSTRAINT "sar_operations_mechanism_id_mechanisms_id_fk" FOREIGN KEY ("mechanism_id") REFERENCES "public"."mechanisms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_sectors" ADD CONSTRAINT "sar_sectors_operation_id_sar_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."sar_operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_sectors" ADD CONSTRAINT "sar_sectors_team_id_sar_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."sar_teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sar_teams" ADD CONSTRAINT "sar_teams_operation_id_sar_operations_id_fk" FOREIGN KEY ("operation_id") REFERENCES "public"."sar_operations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sar_assets_operation_idx" ON "sar_assets" USING btree ("operation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sar_operations_incident_idx" ON "sar_operations" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "sar_operations_opened_idx" ON "sar_operations" USING btree ("opened_at");--> statement-breakpoint
CREATE INDEX "sar_sectors_operation_idx" ON "sar_sectors" USING btree ("operation_id");--> statement-breakpoint
CREATE INDEX "sar_teams_operation_idx" ON "sar_teams" USING btree ("operation_id");