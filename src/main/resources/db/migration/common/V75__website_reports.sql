-- The yearly website reports (国办函〔2018〕12号): a site's 政府网站工作年度报表 and, under site 0, the
-- platform's 政府网站监管年度报表. Staff enter the figures the platform cannot know, each with its
-- source; a report once frozen keeps every row as it was then (figures, as JSON) and never changes.
CREATE TABLE website_report_entry (
  site_id     BIGINT        NOT NULL,
  report_year INT           NOT NULL,
  entry_key   VARCHAR(60)   NOT NULL,
  entry_value VARCHAR(500)  NOT NULL,
  source_note VARCHAR(500)  NOT NULL,
  entered_by  VARCHAR(60)   NOT NULL,
  entered_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (site_id, report_year, entry_key)
);

CREATE TABLE website_report_frozen (
  site_id   BIGINT      NOT NULL,
  report_year INT         NOT NULL,
  figures   VARCHAR     NOT NULL,
  frozen_by VARCHAR(60) NOT NULL,
  frozen_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (site_id, report_year)
);
