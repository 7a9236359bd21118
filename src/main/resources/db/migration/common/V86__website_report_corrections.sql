-- Corrections of published website reports. A correction reopens a frozen report (its reason
-- required): the frozen copy moves to website_report_version, kept there with the document it was
-- published as, and the report is a draft again until it is frozen anew, as the next version,
-- whose document replaces the earlier one. website_report_frozen holds the current version.
ALTER TABLE website_report_frozen ADD COLUMN version INT DEFAULT 1 NOT NULL;
ALTER TABLE website_report_frozen ADD COLUMN correction_reason VARCHAR(500);

CREATE TABLE website_report_version (
  site_id           BIGINT       NOT NULL,
  report_year       INT          NOT NULL,
  version           INT          NOT NULL,
  figures           VARCHAR      NOT NULL,
  frozen_by         VARCHAR(60)  NOT NULL,
  frozen_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  document_id       BIGINT,
  correction_reason VARCHAR(500),
  PRIMARY KEY (site_id, report_year, version)
);

CREATE TABLE website_report_correction (
  site_id     BIGINT       NOT NULL,
  report_year INT          NOT NULL,
  version     INT          NOT NULL,
  reason      VARCHAR(500) NOT NULL,
  opened_by   VARCHAR(60)  NOT NULL,
  opened_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (site_id, report_year)
);
