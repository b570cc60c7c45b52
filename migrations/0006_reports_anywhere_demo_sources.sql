CREATE TABLE "sources" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"url" text
);
--> statement-breakpoint
ALTER TABLE "acknowledgements" ADD COLUMN "with_report" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "demo" boolean DEFAULT false NOT NULL;