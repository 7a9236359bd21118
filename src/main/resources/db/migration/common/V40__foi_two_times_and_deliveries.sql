-- Every step already carries two times: effective_on (the day it took effect, as staff assert it)
-- and recorded_at (when it was recorded, since V6), so nothing needs backfilling there. A step
-- recorded after a deadline that had passed, though dated before it, now keeps the reason and the
-- proof it was accepted on; steps recorded before this version had no such rule and keep none.
ALTER TABLE foi_event ADD COLUMN late_reason VARCHAR(1000);
ALTER TABLE foi_event ADD COLUMN proof_sha256 VARCHAR(64);
-- Whom a consultation went to (Art. 32 third party or Art. 34 agency), and the decision a
-- reopening follows.
ALTER TABLE foi_event ADD COLUMN party_kind VARCHAR(20);
ALTER TABLE foi_event ADD COLUMN reference VARCHAR(200);

-- Proofs (a postal receipt, a signed delivery slip) as uploaded for a request, before a step names
-- one; the file itself is in the file store, sealed like identity copies.
CREATE TABLE foi_proof (
  sha256       VARCHAR(64)  NOT NULL,
  request_id   BIGINT       NOT NULL REFERENCES foi_request (id),
  name         VARCHAR(200) NOT NULL,
  content_type VARCHAR(100) NOT NULL,
  uploaded_by  VARCHAR(60)  NOT NULL,
  uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (request_id, sha256)
);

-- A letter is sent by a channel, from which its delivery is deemed when none is recorded. Letters
-- to the applicant went by the channel the applicant chose; consultation letters, by post.
UPDATE foi_event SET channel = (SELECT r.delivery_channel FROM foi_request r WHERE r.id = foi_event.request_id)
WHERE channel IS NULL AND letter_id IS NOT NULL
  AND kind IN ('SUPPLEMENT_REQUESTED', 'REASONS_REQUESTED', 'PERIOD_SET', 'EXTENDED', 'FEE_NOTIFIED', 'REPLIED', 'CLOSED');
UPDATE foi_event SET channel = 'POST' WHERE channel IS NULL AND kind = 'CONSULTATION_SENT';
UPDATE foi_event SET party_kind = 'THIRD_PARTY' WHERE kind = 'CONSULTATION_SENT';

-- The projection keeps whether any step was recorded late, for the statistics' on-time counts.
ALTER TABLE foi_request ADD COLUMN recorded_late BOOLEAN DEFAULT FALSE NOT NULL;
