ALTER TYPE "public"."risk_level" ADD VALUE 'moderate' BEFORE 'high';--> statement-breakpoint
ALTER TABLE "areas" ALTER COLUMN "name_en" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "areas" ALTER COLUMN "name_es" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "areas" ALTER COLUMN "hazard_en" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "areas" ALTER COLUMN "hazard_es" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "areas" ALTER COLUMN "season_en" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "areas" ALTER COLUMN "season_es" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "edited_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "areas" ADD COLUMN "deleted_at" timestamp with time zone;--> statement-breakpoint
-- An area always has a name in at least one language (an import leaves the other for an editor).
ALTER TABLE "areas" ADD CONSTRAINT "areas_named" CHECK ("name_en" IS NOT NULL OR "name_es" IS NOT NULL);
