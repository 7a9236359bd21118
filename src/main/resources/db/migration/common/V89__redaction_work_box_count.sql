-- How many boxes a redaction drew, kept beside their JSON so that lists of works need not read it.
-- Existing rows are counted from the JSON: each box is one object with one "page" member.
ALTER TABLE redaction_work ADD COLUMN box_count INT DEFAULT 0 NOT NULL;
UPDATE redaction_work
   SET box_count = (LENGTH(boxes) - LENGTH(REPLACE(boxes, '"page"', ''))) / 6
 WHERE boxes IS NOT NULL;
