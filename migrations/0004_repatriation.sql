CREATE TYPE "public"."port_status_reason" AS ENUM('bomb_threat', 'pursuit', 'weather', 'other');--> statement-breakpoint
CREATE TYPE "public"."movement_status" AS ENUM('planned', 'confirmed', 'cancelled');--> statement-breakpoint
CREATE TABLE "port_status_changes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"port_id" text NOT NULL,
	"status" "port_status" NOT NULL,
	"reason" "port_status_reason",
	"note" text,
	"actor_id" uuid,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "arrangement_ports" (
	"arrangement_id" text NOT NULL,
	"port_id" text NOT NULL,
	"position" integer NOT NULL,
	"ex_convict" boolean DEFAULT false NOT NULL,
	CONSTRAINT "arrangement_ports_arrangement_id_port_id_pk" PRIMARY KEY("arrangement_id","port_id"),
	CONSTRAINT "arrangement_ports_one_arrangement_per_port" UNIQUE("port_id")
);
--> statement-breakpoint
CREATE TABLE "arrangements" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"time_zone" text,
	"windows" jsonb NOT NULL,
	"vulnerable_window" jsonb NOT NULL,
	"notice_hours" double precision NOT NULL,
	"ex_convict_notice_hours" double precision NOT NULL,
	"capacity_per_window" integer NOT NULL,
	"illustrative" boolean DEFAULT false NOT NULL,
	"basis" text,
	"sources" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "movement_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"movement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"text" text,
	"data" jsonb NOT NULL,
	"actor_name" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "movements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"port_id" text NOT NULL,
	"arrangement_id" text,
	"mechanism_id" text,
	"from_facility" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"persons" jsonb NOT NULL,
	"family_ids" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "movement_status" DEFAULT 'planned' NOT NULL,
	"notice_due_at" timestamp with time zone,
	"consular_notice_at" timestamp with time zone,
	"consular_notice_by" text,
	"received_at" timestamp with time zone,
	"received_by" text,
	"received_count" integer,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" text,
	"cancel_reason" text,
	"planned_by_id" uuid,
	"planned_by" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "port_status_changes" ADD CONSTRAINT "port_status_changes_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangement_ports" ADD CONSTRAINT "arrangement_ports_arrangement_id_arrangements_id_fk" FOREIGN KEY ("arrangement_id") REFERENCES "public"."arrangements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "arrangement_ports" ADD CONSTRAINT "arrangement_ports_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_events" ADD CONSTRAINT "movement_events_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_arrangement_id_arrangements_id_fk" FOREIGN KEY ("arrangement_id") REFERENCES "public"."arrangements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_mechanism_id_mechanisms_id_fk" FOREIGN KEY ("mechanism_id") REFERENCES "public"."mechanisms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movements" ADD CONSTRAINT "movements_planned_by_id_users_id_fk" FOREIGN KEY ("planned_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "port_status_changes_port_idx" ON "port_status_changes" USING btree ("port_id","id");--> statement-breakpoint
CREATE INDEX "movement_events_movement_idx" ON "movement_events" USING btree ("movement_id","id");--> statement-breakpoint
CREATE INDEX "movements_port_at_idx" ON "movements" USING btree ("port_id","at");--> statement-breakpoint
CREATE INDEX "movements_at_idx" ON "movements" USING btree ("at");--> statement-breakpoint
CREATE INDEX "movements_family_idx" ON "movements" USING gin ("family_ids");--> statement-breakpoint
CREATE INDEX "movements_arrangement_idx" ON "movements" USING btree ("arrangement_id");--> statement-breakpoint
-- Movement timelines and port status history are append-only, like incident timelines (0001).
CREATE TRIGGER movement_events_append_only BEFORE UPDATE OR DELETE ON movement_events
  FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
--> statement-breakpoint
CREATE TRIGGER port_status_changes_append_only BEFORE UPDATE OR DELETE ON port_status_changes
  FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
