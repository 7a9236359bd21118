-- Why an edition whose body or attachments hold personal data or a secrecy mark may be published
-- all the same: the reason its editor gave on submitting it, and the justification of the second
-- person who approved it. One row per edition; without one, such an edition is refused.
CREATE TABLE personal_data_clearance (
  edition_id      BIGINT        NOT NULL PRIMARY KEY,
  reason          VARCHAR(2000),
  reason_by       VARCHAR(100),
  justification   VARCHAR(2000),
  justified_by    VARCHAR(100),
  justified_at    TIMESTAMP WITH TIME ZONE
);
