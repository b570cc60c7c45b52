CREATE TABLE "seed_state" (
	"kind" text PRIMARY KEY NOT NULL,
	"inputs_hash" text NOT NULL,
	"seeded_at" timestamp with time zone DEFAULT now() NOT NULL
);
