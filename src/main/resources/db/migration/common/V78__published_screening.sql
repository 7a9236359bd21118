-- What the nightly sweep found in each live edition: personal data and secrecy marks published
-- before the gate existed, or let through since. One row per edition scanned; a revision is a new
-- edition and is scanned anew. The excerpts are masked.
CREATE TABLE published_screening (
  edition_id   BIGINT        NOT NULL PRIMARY KEY,
  document_id  BIGINT        NOT NULL,
  agency_id    BIGINT        NOT NULL,
  scanned_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  blocking     INT           NOT NULL,
  excerpts     VARCHAR(1000)
);
CREATE INDEX published_screening_agency_idx ON published_screening (agency_id, blocking);
