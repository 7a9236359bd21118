-- Content reaches the public only after a second person has approved it. An agency with a single
-- member of staff may have that waived by the open government office; every waived approval says so.
ALTER TABLE agency ADD COLUMN four_eyes_waived BOOLEAN DEFAULT FALSE NOT NULL;
