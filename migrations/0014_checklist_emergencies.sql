-- Checklists for the border's most frequent emergencies (#23): migrants in distress, drowning, heat exposure,
-- a death, violence against migrants. New enum values only; nothing else changes.
ALTER TYPE "public"."checklist_kind" ADD VALUE 'migrant_distress' BEFORE 'bomb_threat';--> statement-breakpoint
ALTER TYPE "public"."checklist_kind" ADD VALUE 'drowning' BEFORE 'bomb_threat';--> statement-breakpoint
ALTER TYPE "public"."checklist_kind" ADD VALUE 'heat_exposure' BEFORE 'bomb_threat';--> statement-breakpoint
ALTER TYPE "public"."checklist_kind" ADD VALUE 'death' BEFORE 'bomb_threat';--> statement-breakpoint
ALTER TYPE "public"."checklist_kind" ADD VALUE 'violence_against_migrants' BEFORE 'bomb_threat';