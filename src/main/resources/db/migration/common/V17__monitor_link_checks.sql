-- The last visit to each external link found in published documents. The monitor's findings read
-- these; the visits themselves happen in the background, a bounded number per run.
CREATE TABLE monitor_link_check (
  url_hash    VARCHAR(64)   PRIMARY KEY,
  url         VARCHAR(2000) NOT NULL,
  checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  outcome     VARCHAR(30)   NOT NULL,
  status      INT           NOT NULL
);
CREATE INDEX monitor_link_check_age_idx ON monitor_link_check (checked_at);
