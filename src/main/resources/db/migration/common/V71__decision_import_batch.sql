-- The import a decision came in with (one id per spreadsheet taken), so that staff can submit,
-- approve and publish all of one import at once.
ALTER TABLE decision ADD COLUMN import_batch VARCHAR(36);
CREATE INDEX decision_import_batch ON decision (import_batch);
