-- A finding keeps its rule and arguments, so that each reader gets it in their own language; the
-- text rendered at the time of the run stays for the rows written before.
ALTER TABLE monitor_finding ADD COLUMN message_args VARCHAR(1000);
