CREATE TYPE "public"."contact_kind" AS ENUM('phone', 'radio', 'email');--> statement-breakpoint
CREATE TYPE "public"."area_method" AS ENUM('border_band_partition', 'illustrative_circle', 'drawn');--> statement-breakpoint
CREATE TABLE "commitments" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"mechanism_id" text NOT NULL,
	"meeting_id" text,
	"text" text NOT NULL,
	"owner" text NOT NULL,
	"due_date" date NOT NULL,
	"done" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_overrides" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"mechanism_id" text NOT NULL,
	"side" "country" NOT NULL,
	"escalation" integer NOT NULL,
	"start" timestamp with time zone NOT NULL,
	"end" timestamp with time zone NOT NULL,
	"member_id" text,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "duty_shifts" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"mechanism_id" text NOT NULL,
	"side" "country" NOT NULL,
	"escalation" integer NOT NULL,
	"days" jsonb NOT NULL,
	"start" text NOT NULL,
	"end" text NOT NULL,
	"member_id" text,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "intended_gaps" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"mechanism_id" text NOT NULL,
	"side" "country" NOT NULL,
	"start" timestamp with time zone NOT NULL,
	"end" timestamp with time zone NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mechanism_members" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"mechanism_id" text NOT NULL,
	"name" text NOT NULL,
	"family_name" text,
	"role" text NOT NULL,
	"agency" text NOT NULL,
	"country" "country" NOT NULL,
	"verified_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mechanism_rosters" (
	"mechanism_id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL,
	"demo_seeded_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"mechanism_id" text NOT NULL,
	"starts_at" text NOT NULL,
	"time_zone" text NOT NULL,
	"duration_minutes" integer NOT NULL,
	"place" text NOT NULL,
	"agenda" text NOT NULL,
	"minutes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "member_contacts" (
	"id" text PRIMARY KEY DEFAULT gen_random_uuid()::text NOT NULL,
	"member_id" text NOT NULL,
	"kind" "contact_kind" NOT NULL,
	"label" text NOT NULL,
	"value" text NOT NULL,
	"working" boolean NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "mechanisms" ALTER COLUMN "mx_city" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "mechanisms" ALTER COLUMN "mx_state" DROP NOT NULL;--> statement-breakpoint
-- The ten BLMs already stored get their zone here (seeds/liaison/mechanisms.ts `blmTimeZones`),
-- so the column can be NOT NULL on an upgraded database; the seed keeps it current.
ALTER TABLE "mechanisms" ADD COLUMN "time_zone" text;--> statement-breakpoint
UPDATE "mechanisms" SET "time_zone" = CASE
  WHEN "id" IN ('san-diego-tijuana', 'calexico-mexicali') THEN 'America/Tijuana'
  WHEN "id" IN ('nogales-nogales', 'douglas-agua-prieta') THEN 'America/Hermosillo'
  WHEN "id" = 'el-paso-ciudad-juarez' THEN 'America/Ciudad_Juarez'
  ELSE 'America/Matamoros'
END;--> statement-breakpoint
ALTER TABLE "mechanisms" ALTER COLUMN "time_zone" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "mechanisms" ADD COLUMN "area" jsonb;--> statement-breakpoint
ALTER TABLE "mechanisms" ADD COLUMN "area_method" "area_method";--> statement-breakpoint
ALTER TABLE "mechanisms" ADD COLUMN "area_basis" text;--> statement-breakpoint
ALTER TABLE "mechanisms" ADD COLUMN "illustrative" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_mechanism_id_mechanisms_id_fk" FOREIGN KEY ("mechanism_id") REFERENCES "public"."mechanisms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "commitments" ADD CONSTRAINT "commitments_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_overrides" ADD CONSTRAINT "duty_overrides_mechanism_id_mechanisms_id_fk" FOREIGN KEY ("mechanism_id") REFERENCES "public"."mechanisms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_overrides" ADD CONSTRAINT "duty_overrides_member_id_mechanism_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."mechanism_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_shifts" ADD CONSTRAINT "duty_shifts_mechanism_id_mechanisms_id_fk" FOREIGN KEY ("mechanism_id") REFERENCES "public"."mechanisms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty_shifts" ADD CONSTRAINT "duty_shifts_member_id_mechanism_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."mechanism_members"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "intended_gaps" ADD CONSTRAINT "intended_gaps_mechanism_id_mechanisms_id_fk" FOREIGN KEY ("mechanism_id") REFERENCES "public"."mechanisms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mechanism_members" ADD CONSTRAINT "mechanism_members_mechanism_id_mechanisms_id_fk" FOREIGN KEY ("mechanism_id") REFERENCES "public"."mechanisms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mechanism_rosters" ADD CONSTRAINT "mechanism_rosters_mechanism_id_mechanisms_id_fk" FOREIGN KEY ("mechanism_id") REFERENCES "public"."mechanisms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_mechanism_id_mechanisms_id_fk" FOREIGN KEY ("mechanism_id") REFERENCES "public"."mechanisms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "member_contacts" ADD CONSTRAINT "member_contacts_member_id_mechanism_members_id_fk" FOREIGN KEY ("member_id") REFERENCES "public"."mechanism_members"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "commitments_mechanism_idx" ON "commitments" USING btree ("mechanism_id","due_date");--> statement-breakpoint
CREATE INDEX "duty_overrides_mechanism_idx" ON "duty_overrides" USING btree ("mechanism_id","end");--> statement-breakpoint
CREATE INDEX "duty_shifts_mechanism_idx" ON "duty_shifts" USING btree ("mechanism_id","position");--> statement-breakpoint
CREATE INDEX "intended_gaps_mechanism_idx" ON "intended_gaps" USING btree ("mechanism_id","end");--> statement-breakpoint
CREATE INDEX "mechanism_members_mechanism_idx" ON "mechanism_members" USING btree ("mechanism_id");--> statement-breakpoint
CREATE INDEX "meetings_mechanism_idx" ON "meetings" USING btree ("mechanism_id","starts_at");--> statement-breakpoint
CREATE INDEX "member_contacts_member_idx" ON "member_contacts" USING btree ("member_id","position");--> statement-breakpoint
ALTER TABLE "mechanisms" DROP COLUMN "radius_km";