-- Public form submissions per purpose and client address, minute by minute, for application
-- nodes that share their limits (gongkai.cluster.limits=database).
CREATE TABLE submission_window (
  throttle_key VARCHAR(200) NOT NULL,
  epoch_minute BIGINT NOT NULL,
  submissions  INT NOT NULL,
  PRIMARY KEY (throttle_key, epoch_minute)
);
CREATE INDEX submission_window_minute ON submission_window (epoch_minute);
