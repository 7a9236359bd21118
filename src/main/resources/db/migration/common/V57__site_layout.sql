-- What a site's own administrator sets (decision 0012 keeps a site's identity with the platform's):
-- its theme, footer, logo, navigation menu and home page blocks. Each exists twice, by stage: the
-- DRAFT that the console edits and previews, and the LIVE copy that publishing makes of it and the
-- public pages render. A site without a LIVE row shows the platform's default layout.
CREATE TABLE site_look (
  site_id     BIGINT       NOT NULL REFERENCES site (id),
  stage       VARCHAR(10)  NOT NULL,
  theme       VARCHAR(20)  NOT NULL,
  footer_note VARCHAR(500) NOT NULL DEFAULT '',
  mark_link   VARCHAR(500) NOT NULL DEFAULT '',
  updated_by  VARCHAR(100) NOT NULL,
  updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (site_id, stage)
);

-- The menu in the header, in order: a column of an agency the site shows, a page of the site, or
-- an address elsewhere.
CREATE TABLE site_nav_item (
  site_id  BIGINT       NOT NULL REFERENCES site (id),
  stage    VARCHAR(10)  NOT NULL,
  position INT          NOT NULL,
  label    VARCHAR(50)  NOT NULL,
  kind     VARCHAR(10)  NOT NULL,
  target   VARCHAR(500) NOT NULL,
  PRIMARY KEY (site_id, stage, position)
);

-- The home page's blocks, in order: a column's latest items, the site's latest items, a list of
-- links or the list of the site's agencies.
CREATE TABLE site_home_block (
  site_id    BIGINT        NOT NULL REFERENCES site (id),
  stage      VARCHAR(10)   NOT NULL,
  position   INT           NOT NULL,
  kind       VARCHAR(20)   NOT NULL,
  title      VARCHAR(100)  NOT NULL DEFAULT '',
  column_id  BIGINT,
  item_count INT           NOT NULL DEFAULT 6,
  links      VARCHAR(4000) NOT NULL DEFAULT '',
  PRIMARY KEY (site_id, stage, position)
);

-- The site's logo, a PNG or JPEG checked on upload.
CREATE TABLE site_logo (
  site_id    BIGINT      NOT NULL REFERENCES site (id),
  stage      VARCHAR(10) NOT NULL,
  media_type VARCHAR(20) NOT NULL,
  content    BYTEA       NOT NULL,
  sha256     VARCHAR(64) NOT NULL,
  PRIMARY KEY (site_id, stage)
);
