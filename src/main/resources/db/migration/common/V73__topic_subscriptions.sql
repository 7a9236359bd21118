-- Subscriptions to a topic (专题): the documents it gathers, by tag or by hand, once published.
ALTER TABLE subscription ADD COLUMN topic_id BIGINT;
CREATE INDEX subscription_topic ON subscription (state, kind, topic_id);
