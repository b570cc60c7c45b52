CREATE TYPE "public"."due_work_set_aside_reason" AS ENUM('attempts', 'payload');--> statement-breakpoint
DROP INDEX "due_work_due_idx";--> statement-breakpoint
ALTER TABLE "due_work" ADD COLUMN "set_aside_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "due_work" ADD COLUMN "set_aside_reason" "due_work_set_aside_reason";--> statement-breakpoint
CREATE INDEX "due_work_set_aside_idx" ON "due_work" USING btree ("set_aside_at") WHERE "due_work"."set_aside_at" is not null and "due_work"."done_at" is null;--> statement-breakpoint
CREATE INDEX "due_work_due_idx" ON "due_work" USING btree ("due_at") WHERE "due_work"."done_at" is null and "due_work"."set_aside_at" is null;