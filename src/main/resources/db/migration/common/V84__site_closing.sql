-- A site closed (its pages archived first) keeps its record and settings; its public pages answer
-- 410. An archive that closes its site when it is written says so.
ALTER TABLE site ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE site ADD COLUMN closed_by VARCHAR(60);
ALTER TABLE web_archive ADD COLUMN closes_site BOOLEAN DEFAULT FALSE NOT NULL;
