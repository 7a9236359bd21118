-- A power-catalog entry reaches the public only once a second person has approved it. Versions
-- entered before this rule were public already and count as approved by their author.
ALTER TABLE power_version ADD COLUMN approved_by VARCHAR(60);
ALTER TABLE power_version ADD COLUMN approved_at TIMESTAMP WITH TIME ZONE;
UPDATE power_version SET approved_by = created_by, approved_at = created_at;
