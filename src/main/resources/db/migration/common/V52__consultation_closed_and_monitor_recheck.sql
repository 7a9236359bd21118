-- When the close of a consultation was announced (ConsultationClosed); the ones closed before
-- this version count as announced.
ALTER TABLE consultation ADD COLUMN closed_at TIMESTAMP WITH TIME ZONE;
UPDATE consultation SET closed_at = created_at WHERE published = TRUE AND closes_on < CURRENT_DATE;

-- Agencies whose public content changed since the monitor last checked them: written in the
-- changing transaction, taken by the monitor's re-check job.
CREATE TABLE monitor_recheck (
  agency_id  BIGINT                   NOT NULL PRIMARY KEY,
  changed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
