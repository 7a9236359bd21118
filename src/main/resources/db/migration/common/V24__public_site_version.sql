-- One number that every change of what the public site shows raises, in the changing
-- transaction; every node compares it with the version its caches were filled at.
CREATE TABLE public_site_version (
  id      INT    PRIMARY KEY,
  version BIGINT NOT NULL
);
INSERT INTO public_site_version (id, version) VALUES (1, 0);
