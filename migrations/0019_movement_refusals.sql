CREATE TABLE "movement_refusals" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"action" text NOT NULL,
	"movement_id" uuid,
	"port_id" text NOT NULL,
	"mechanism_id" text,
	"codes" text[] NOT NULL,
	"persons" integer NOT NULL,
	"exercise" boolean NOT NULL,
	"actor_id" uuid,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "movement_refusals" ADD CONSTRAINT "movement_refusals_movement_id_movements_id_fk" FOREIGN KEY ("movement_id") REFERENCES "public"."movements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_refusals" ADD CONSTRAINT "movement_refusals_port_id_ports_id_fk" FOREIGN KEY ("port_id") REFERENCES "public"."ports"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_refusals" ADD CONSTRAINT "movement_refusals_mechanism_id_mechanisms_id_fk" FOREIGN KEY ("mechanism_id") REFERENCES "public"."mechanisms"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "movement_refusals" ADD CONSTRAINT "movement_refusals_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "movement_refusals_at_idx" ON "movement_refusals" USING btree ("at");--> statement-breakpoint
-- What the rules refused is history, append-only like the movements' timelines (0004).
CREATE TRIGGER movement_refusals_append_only BEFORE UPDATE OR DELETE ON movement_refusals
  FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
