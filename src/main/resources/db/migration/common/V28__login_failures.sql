-- Failed logins per user name and address, in the database so that every application node
-- counts the same failures: a guesser gets as many attempts in all as on one node.
CREATE TABLE login_failure (
  pair_key       CHAR(64) NOT NULL PRIMARY KEY,
  failures       INT NOT NULL,
  last_failed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_failure_last_failed_at ON login_failure (last_failed_at);
