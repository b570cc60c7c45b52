-- The operations map's tiles and an area's statistics (issue 26) read what they need of each
-- incident in a box from the location index alone (an index-only scan): no visit to the wide
-- rows (summary, areas) scattered over the table. drizzle's index builder has no INCLUDE, so
-- the index keeps its name and its schema entry (server/db/schema/incidents.ts) and gains its
-- columns here.
DROP INDEX "incidents_location_idx";--> statement-breakpoint
CREATE INDEX "incidents_location_idx" ON "incidents" USING gist ("location") INCLUDE ("occurred_at", "status", "type", "severity", "exercise", "mechanism_id", "reported_by", "id", "rescued", "injured", "deceased");
