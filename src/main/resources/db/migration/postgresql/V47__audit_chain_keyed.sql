-- The audit chain's links become HMACs under a key kept outside the database: the records sealed
-- so far are sealed again, in order, by the application's sealer under the key. The append-only
-- guard is lifted for this one statement only.
ALTER TABLE audit_record DISABLE TRIGGER audit_record_no_update_or_delete;
UPDATE audit_record SET chain_seq = NULL, chain_hash = NULL;
ALTER TABLE audit_record ENABLE TRIGGER audit_record_no_update_or_delete;
UPDATE audit_chain SET sealed = 0, head = '0000000000000000000000000000000000000000000000000000000000000000' WHERE id = 1;
