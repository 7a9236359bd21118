-- Seeing an applicant's or a sender's personal data in full is a permission of its own, granted
-- account by account; without it staff see masked names, numbers and addresses.
ALTER TABLE account ADD COLUMN personal_data BOOLEAN DEFAULT FALSE NOT NULL;
