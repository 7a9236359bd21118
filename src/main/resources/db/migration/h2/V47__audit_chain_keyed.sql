-- The audit chain's links become HMACs under a key kept outside the database: the records sealed
-- so far are sealed again, in order, by the application's sealer under the key.
UPDATE audit_record SET chain_seq = NULL, chain_hash = NULL;
UPDATE audit_chain SET sealed = 0, head = '0000000000000000000000000000000000000000000000000000000000000000' WHERE id = 1;
