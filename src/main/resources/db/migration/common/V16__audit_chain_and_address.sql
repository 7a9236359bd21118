-- Each audit record carries the address it came from, and is chained to the record sealed before
-- it: chain_hash = SHA-256(previous chain_hash, this record). Records are sealed in the order they
-- become visible, a few seconds after they commit, so that writers never wait on one another.
ALTER TABLE audit_record ADD COLUMN address VARCHAR(64);
ALTER TABLE audit_record ADD COLUMN chain_seq BIGINT;
ALTER TABLE audit_record ADD COLUMN chain_hash VARCHAR(64);
CREATE UNIQUE INDEX audit_record_chain_idx ON audit_record (chain_seq);

CREATE TABLE audit_chain (
  id      INT PRIMARY KEY,
  sealed  BIGINT      NOT NULL,
  head    VARCHAR(64) NOT NULL
);
INSERT INTO audit_chain (id, sealed, head) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
