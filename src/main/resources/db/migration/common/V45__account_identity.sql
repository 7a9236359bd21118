-- Single sign-on binds an account to the provider's (issuer, subject) pair, which OpenID Connect
-- promises is stable and unique (Core §5.7), never to a changeable name. A pair is linked once, by
-- an administrator or by a verified claim the operator names, and then alone decides who logs in.
CREATE TABLE account_identity (
  issuer      VARCHAR(300) NOT NULL,
  subject     VARCHAR(255) NOT NULL,
  account_id  BIGINT       NOT NULL REFERENCES account (id),
  linked_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  linked_by   VARCHAR(100) NOT NULL,
  PRIMARY KEY (issuer, subject)
);
-- One identity per provider for each account: a second subject cannot take over a linked account.
CREATE UNIQUE INDEX account_identity_account_issuer ON account_identity (account_id, issuer);
