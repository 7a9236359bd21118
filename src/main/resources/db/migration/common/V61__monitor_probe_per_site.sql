-- The hourly availability probes per site: each site's home page on its own host, and each agency's
-- catalog page and mailbox form on every site that shows the agency. A site's home page belongs to
-- no agency. Existing probes were of the first site.
ALTER TABLE monitor_probe ADD COLUMN site_id BIGINT REFERENCES site (id);
UPDATE monitor_probe SET site_id = (SELECT MIN(id) FROM site);
ALTER TABLE monitor_probe ALTER COLUMN site_id SET NOT NULL;
ALTER TABLE monitor_probe ALTER COLUMN agency_id DROP NOT NULL;
DROP INDEX monitor_probe_agency_idx;
CREATE INDEX monitor_probe_site_idx ON monitor_probe (site_id, page, agency_id, probed_on);
