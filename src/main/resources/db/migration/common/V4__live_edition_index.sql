-- Reading live documents in id order (index rebuild, consistency check) walks this index.
CREATE INDEX edition_state_document_idx ON edition (state, document_id);
