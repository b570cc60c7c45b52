-- Acknowledgements are history like the audit log: each government's acknowledgement is
-- written once and never rewritten or removed.
CREATE TRIGGER acknowledgements_append_only BEFORE UPDATE OR DELETE ON acknowledgements
  FOR EACH ROW EXECUTE FUNCTION refuse_rewrite();
--> statement-breakpoint
-- An alert is never deleted, and its escalation and settlement happen once: `update alerts set escalated_at = null`
-- would re-arm an escalation that already reached the central desks.
CREATE FUNCTION refuse_alert_rewind() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'alerts are never deleted';
  END IF;
  IF OLD.escalated_at IS NOT NULL AND NEW.escalated_at IS DISTINCT FROM OLD.escalated_at THEN
    RAISE EXCEPTION 'alerts: escalated_at is set once';
  END IF;
  IF OLD.settled_at IS NOT NULL AND NEW.settled_at IS DISTINCT FROM OLD.settled_at THEN
    RAISE EXCEPTION 'alerts: settled_at is set once';
  END IF;
  IF NEW.incident_id <> OLD.incident_id OR NEW.tier <> OLD.tier OR NEW.raised_at <> OLD.raised_at
     OR NEW.ack_deadline <> OLD.ack_deadline THEN
    RAISE EXCEPTION 'alerts: only escalated_at and settled_at change';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER alerts_set_once BEFORE UPDATE OR DELETE ON alerts
  FOR EACH ROW EXECUTE FUNCTION refuse_alert_rewind();
