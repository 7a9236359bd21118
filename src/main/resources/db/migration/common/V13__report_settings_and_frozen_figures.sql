-- How an agency reports is a setting, not a guess from the tree: a district government sits under
-- a city and still reports as a government, by 31 March, totalling its departments.
ALTER TABLE agency ADD COLUMN report_level VARCHAR(20) DEFAULT 'DEPARTMENT' NOT NULL;
ALTER TABLE agency ADD COLUMN report_subtree BOOLEAN DEFAULT TRUE NOT NULL;
UPDATE agency SET report_level = 'GOVERNMENT' WHERE parent_id IS NULL;

-- A figure computed from the catalog may be corrected by hand (documents older than the
-- platform): the correction keeps who, when and why beside the computed value.
ALTER TABLE report_figure ADD COLUMN reason VARCHAR(500);

-- A published report's figures never change afterwards: they are kept as they were published.
CREATE TABLE report_frozen_cell (
  agency_id   BIGINT         NOT NULL REFERENCES agency (id),
  report_year INT            NOT NULL,
  cell_key    VARCHAR(120)   NOT NULL,
  amount      DECIMAL(16, 2) NOT NULL,
  frozen_by   VARCHAR(60)    NOT NULL,
  frozen_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (agency_id, report_year, cell_key)
);

