-- The catalog document a frozen website report was published as (in the annual report column of
-- the site's agency, so that the site's home page lists it among its newest items).
ALTER TABLE website_report_frozen ADD COLUMN document_id BIGINT;
