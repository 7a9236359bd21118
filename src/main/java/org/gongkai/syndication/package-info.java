/**
 * Pushes to other platforms (syndication): endpoints registered by administrators receive every
 * publication, revision and withdrawal of the agencies or columns they take, as a webhook signed
 * with HMAC-SHA256, from a durable outbox with retries and a delivery log.
 */
package org.gongkai.syndication;
