-- Each answered form question is good for one submission; its id is kept until the question expires.
CREATE TABLE challenge_use (
  id          VARCHAR(32) PRIMARY KEY,
  expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
