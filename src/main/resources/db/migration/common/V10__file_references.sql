-- The daily sweep asks, file by file, whether a record still names it.
CREATE INDEX attachment_sha256_idx ON attachment (sha256);
CREATE INDEX foi_request_id_copy_idx ON foi_request (id_copy_sha256);
CREATE INDEX consultation_attachment_sha256_idx ON consultation_attachment (sha256);
CREATE INDEX consultation_comment_attachment_idx ON consultation_comment (attachment_sha256);
