-- The trail stays append-only; the one change allowed is sealing a record once, which writes its
-- place in the chain and its hash and nothing else.
CREATE OR REPLACE FUNCTION audit_record_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD.chain_hash IS NULL AND OLD.chain_seq IS NULL
      AND NEW.chain_hash IS NOT NULL AND NEW.chain_seq IS NOT NULL
      AND NEW.id = OLD.id AND NEW.occurred_at = OLD.occurred_at AND NEW.actor = OLD.actor
      AND NEW.action = OLD.action AND NEW.subject_type = OLD.subject_type AND NEW.subject_id = OLD.subject_id
      AND NEW.detail IS NOT DISTINCT FROM OLD.detail AND NEW.address IS NOT DISTINCT FROM OLD.address THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit_record is append-only';
END
$$ LANGUAGE plpgsql;
