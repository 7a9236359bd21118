-- Visits counted on the server without tracking anyone. A day's views per site, per page and per
-- column, and the day's visitors as a HyperLogLog sketch (Apache DataSketches, compact bytes) into
-- which every node's sketch of the day is merged: no address, no per-visitor hash is kept. The
-- day's salt is shared by the nodes for that day only and deleted once the day has ended.
CREATE TABLE visit_day (
  site_id   BIGINT  NOT NULL,
  on_day    DATE    NOT NULL,
  views     BIGINT  NOT NULL,
  visitors  BIGINT  NOT NULL,
  sketch    BYTEA   NOT NULL,
  PRIMARY KEY (site_id, on_day)
);

CREATE TABLE visit_page_day (
  site_id   BIGINT       NOT NULL,
  on_day    DATE         NOT NULL,
  page      VARCHAR(300) NOT NULL,
  views     BIGINT       NOT NULL,
  PRIMARY KEY (site_id, on_day, page)
);

CREATE TABLE visit_column_day (
  site_id   BIGINT NOT NULL,
  on_day    DATE   NOT NULL,
  column_id BIGINT NOT NULL,
  views     BIGINT NOT NULL,
  PRIMARY KEY (site_id, on_day, column_id)
);

CREATE TABLE search_miss_day (
  site_id   BIGINT      NOT NULL,
  on_day    DATE        NOT NULL,
  query     VARCHAR(40) NOT NULL,
  searches  BIGINT      NOT NULL,
  PRIMARY KEY (site_id, on_day, query)
);

CREATE TABLE visit_salt (
  on_day DATE       NOT NULL PRIMARY KEY,
  salt  VARCHAR(64) NOT NULL
);
