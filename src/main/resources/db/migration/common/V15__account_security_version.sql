-- Bumped whenever an account is disabled, changes role or agency, or gets a new password: sessions
-- opened before it are no longer valid, on whichever node they live.
ALTER TABLE account ADD COLUMN security_version INT DEFAULT 0 NOT NULL;
