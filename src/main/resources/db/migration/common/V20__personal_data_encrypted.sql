-- ID numbers, phone numbers, e-mail and postal addresses are stored encrypted (AES-256-GCM, the
-- key outside the database); an encrypted value is longer than the plain one. An applicant's
-- earlier requests are found by a keyed hash of the ID number, not by the number itself.
ALTER TABLE foi_request ALTER COLUMN id_number SET DATA TYPE VARCHAR(400);
ALTER TABLE foi_request ALTER COLUMN phone SET DATA TYPE VARCHAR(300);
ALTER TABLE foi_request ALTER COLUMN email SET DATA TYPE VARCHAR(600);
ALTER TABLE foi_request ALTER COLUMN address SET DATA TYPE VARCHAR(900);
ALTER TABLE foi_request ALTER COLUMN id_number DROP NOT NULL;
ALTER TABLE foi_request ADD COLUMN id_number_hash VARCHAR(64);
DROP INDEX foi_request_applicant_idx;
CREATE INDEX foi_request_applicant_idx ON foi_request (agency_id, id_number_hash);
ALTER TABLE foi_request ADD COLUMN personal_data_purged_on DATE;

ALTER TABLE mailbox_message ALTER COLUMN phone SET DATA TYPE VARCHAR(300);
ALTER TABLE mailbox_message ALTER COLUMN email SET DATA TYPE VARCHAR(600);
ALTER TABLE mailbox_message ADD COLUMN personal_data_purged_on DATE;

ALTER TABLE consultation_comment ALTER COLUMN contact SET DATA TYPE VARCHAR(600);
ALTER TABLE consultation_comment ADD COLUMN personal_data_purged_on DATE;
