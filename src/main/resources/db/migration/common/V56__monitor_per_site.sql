-- Monitor runs and findings per site: each agency is checked on every site that shows it, the
-- site's own pages with it. Existing rows belong to the first site.
ALTER TABLE monitor_run ADD COLUMN site_id BIGINT REFERENCES site (id);
UPDATE monitor_run SET site_id = (SELECT MIN(id) FROM site);
ALTER TABLE monitor_run ALTER COLUMN site_id SET NOT NULL;
ALTER TABLE monitor_run DROP CONSTRAINT monitor_run_day;
ALTER TABLE monitor_run ADD CONSTRAINT monitor_run_site_day UNIQUE (site_id, agency_id, run_on);

ALTER TABLE monitor_finding ADD COLUMN site_id BIGINT REFERENCES site (id);
UPDATE monitor_finding SET site_id = (SELECT r.site_id FROM monitor_run r WHERE r.id = monitor_finding.run_id);
ALTER TABLE monitor_finding ALTER COLUMN site_id SET NOT NULL;
