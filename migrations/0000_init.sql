CREATE TYPE "public"."alert_tier" AS ENUM('local', 'central');--> statement-breakpoint
CREATE TYPE "public"."incident_status" AS ENUM('reported', 'acknowledged', 'responding', 'resolved', 'closed');--> statement-breakpoint
CREATE TYPE "public"."incident_type" AS ENUM('migrant_distress', 'death', 'drowning', 'heat_exposure', 'violence_against_migrants', 'assault_on_officers', 'civilian_detention', 'incursion', 'bomb_threat', 'trans_border_pursuit', 'weather_emergency', 'smuggling', 'other');--> statement-breakpoint
CREATE TYPE "public"."investigation_status" AS ENUM('open', 'under_review', 'referred_to_prosecutor', 'closed');--> statement-breakpoint
CREATE TYPE "public"."severity" AS ENUM('low', 'medium', 'high', 'critical');--> statement-breakpoint
CREATE TYPE "public"."mechanism_kind" AS ENUM('BLM', 'ICM');--> statement-breakpoint
CREATE TYPE "public"."port_status" AS ENUM('open', 'restricted', 'closed');--> statement-breakpoint
CREATE TYPE "public"."risk_level" AS ENUM('high', 'extreme');--> statement-breakpoint
CREATE TYPE "public"."station_kind" AS ENUM('grupo_beta', 'border_patrol_sector');--> statement-breakpoint
CREATE TYPE "public"."country" AS ENUM('US', 'MX');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('consular', 'liaison', 'supervisor', 'central', 'admin');--> statement-breakpoint
CREATE TABLE "acknowledgements" (
	"alert_id" uuid NOT NULL,
	"government" "country" NOT NULL,
	"user_id" uuid NOT NULL,
	"user_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "acknowledgements_alert_id_government_pk" PRIMARY KEY("alert_id","government")
);
--> statement-breakpoint
CREATE TABLE "alerts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"incident_id" uuid NOT NULL,
	"tier" "alert_tier" NOT NULL,
	"raised_at" timestamp with time zone NOT NULL,
	"ack_deadline" timestamp with time zone NOT NULL,
	"escalated_at" timestamp with time zone,
	"settled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid,
	"actor_username" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "events" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"mechanism_id" text,
	"data" jsonb NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incident_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"incident_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text,
	"data" jsonb NOT NULL,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "incidents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"type" "incident_type" NOT NULL,
	"severity" "severity" NOT NULL,
	"status" "incident_status" DEFAULT 'reported' NOT NULL,
	"summary" text NOT NULL,
	"location" "point" NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"rescued" integer DEFAULT 0 NOT NULL,
	"injured" integer DEFAULT 0 NOT NULL,
	"deceased" integer DEFAULT 0 NOT NULL,
	"mechanism_id" text,
	"area_ids" jsonb NOT NULL,
	"reported_by" uuid NOT NULL,
	"reporting_agency" text NOT NULL,
	"reporting_country" "country" NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "investigations" (
	"incident_id" uuid PRIMARY KEY NOT NULL,
	"lead_agency" text NOT NULL,
	"case_reference" text NOT NULL,
	"status" "investigation_status" NOT NULL,
	"notes" text,
	"updated_at" timestamp with time zone NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "areas" (
	"id" text PRIMARY KEY NOT NULL,
	"name_en" text NOT NULL,
	"name_es" text NOT NULL,
	"hazard_en" text NOT NULL,
	"hazard_es" text NOT NULL,
	"season_en" text NOT NULL,
	"season_es" text NOT NULL,
	"side" text NOT NULL,
	"risk_level" "risk_level" NOT NULL,
	"geometry" jsonb NOT NULL,
	"approx" boolean NOT NULL,
	"sources" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mechanisms" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" "mechanism_kind" NOT NULL,
	"us_city" text NOT NULL,
	"us_state" text NOT NULL,
	"mx_city" text NOT NULL,
	"mx_state" text NOT NULL,
	"centre" "point" NOT NULL,
	"radius_km" real NOT NULL,
	"evidence" text NOT NULL,
	"approx" boolean NOT NULL,
	"sources" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ports" (
	"id" text PRIMARY KEY NOT NULL,
	"us_name" text NOT NULL,
	"mx_name" text NOT NULL,
	"us_state" text NOT NULL,
	"mx_state" text NOT NULL,
	"bts_port_code" text,
	"us_location" "point" NOT NULL,
	"mx_location" "point" NOT NULL,
	"us_time_zone" text NOT NULL,
	"mx_time_zone" text NOT NULL,
	"status" "port_status" DEFAULT 'open' NOT NULL,
	"approx" boolean NOT NULL,
	"notes" text,
	"sources" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "stations" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" "station_kind" NOT NULL,
	"name" text NOT NULL,
	"state" text NOT NULL,
	"location" "point" NOT NULL,
	"time_zone" text NOT NULL,
	"approx" boolean NOT NULL,
	"sources" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" NOT NULL,
	"country" "country" NOT NULL,
	"agency" text NOT NULL,
	"mechanism_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
ALTER TABLE "acknowledgements" ADD CONSTRAINT "acknowledgements_alert_id_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "acknowledgements" ADD CONSTRAINT "acknowledgements_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alerts" ADD CONSTRAINT "alerts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incident_events" ADD CONSTRAINT "incident_events_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_mechanism_id_mechanisms_id_fk" FOREIGN KEY ("mechanism_id") REFERENCES "public"."mechanisms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents" ADD CONSTRAINT "incidents_reported_by_users_id_fk" FOREIGN KEY ("reported_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "investigations" ADD CONSTRAINT "investigations_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "public"."incidents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_mechanism_id_mechanisms_id_fk" FOREIGN KEY ("mechanism_id") REFERENCES "public"."mechanisms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alerts_incident_idx" ON "alerts" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "alerts_due_idx" ON "alerts" USING btree ("ack_deadline") WHERE "alerts"."escalated_at" is null and "alerts"."settled_at" is null;--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE INDEX "events_at_idx" ON "events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "incident_events_incident_idx" ON "incident_events" USING btree ("incident_id","id");--> statement-breakpoint
CREATE INDEX "incidents_location_idx" ON "incidents" USING gist ("location");--> statement-breakpoint
CREATE INDEX "incidents_feed_idx" ON "incidents" USING btree ("created_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_mechanism_idx" ON "incidents" USING btree ("mechanism_id");--> statement-breakpoint
CREATE INDEX "ports_us_location_idx" ON "ports" USING gist ("us_location");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");