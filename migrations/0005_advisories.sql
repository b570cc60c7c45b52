CREATE TYPE "public"."advisory_change" AS ENUM('created', 'edited', 'published', 'updated', 'cancelled', 'expired');--> statement-breakpoint
CREATE TYPE "public"."advisory_severity" AS ENUM('minor', 'moderate', 'severe', 'extreme');--> statement-breakpoint
CREATE TYPE "public"."advisory_status" AS ENUM('draft', 'published', 'cancelled', 'expired');--> statement-breakpoint
CREATE TYPE "public"."cap_message_type" AS ENUM('Alert', 'Update', 'Cancel');--> statement-breakpoint
CREATE TYPE "public"."advisory_hazard" AS ENUM('heat', 'wildfire', 'rainstorm', 'flood', 'snow_storm', 'other');--> statement-breakpoint
CREATE TABLE "advisories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"hazard" "advisory_hazard" NOT NULL,
	"severity" "advisory_severity" NOT NULL,
	"status" "advisory_status" DEFAULT 'draft' NOT NULL,
	"exercise" boolean DEFAULT false NOT NULL,
	"area_ids" jsonb NOT NULL,
	"polygon" jsonb,
	"mechanism_ids" jsonb NOT NULL,
	"valid_from" timestamp with time zone NOT NULL,
	"valid_to" timestamp with time zone NOT NULL,
	"text_en" text,
	"text_es" text,
	"cancel_reason" text,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "advisory_versions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"advisory_id" uuid NOT NULL,
	"change" "advisory_change" NOT NULL,
	"msg_type" "cap_message_type",
	"identifier" text,
	"snapshot" jsonb NOT NULL,
	"actor_name" text NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "advisories" ADD CONSTRAINT "advisories_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advisory_versions" ADD CONSTRAINT "advisory_versions_advisory_id_advisories_id_fk" FOREIGN KEY ("advisory_id") REFERENCES "public"."advisories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "advisories_status_idx" ON "advisories" USING btree ("status","valid_to");--> statement-breakpoint
CREATE INDEX "advisory_versions_advisory_idx" ON "advisory_versions" USING btree ("advisory_id","id");--> statement-breakpoint
-- An advisory's history is append-only, like the incident timeline (0001).
CREATE TRIGGER advisory_versions_append_only BEFORE UPDATE OR DELETE ON advisory_versions
  FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
