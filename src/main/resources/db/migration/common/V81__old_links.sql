-- Old addresses asked for on a host that was imported from, that no imported document answers.
CREATE TABLE old_link_miss (
  host       VARCHAR(255)  NOT NULL,
  path       VARCHAR(2000) NOT NULL,
  hits       BIGINT        NOT NULL,
  first_seen TIMESTAMP WITH TIME ZONE NOT NULL,
  last_seen  TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (host, path)
);
