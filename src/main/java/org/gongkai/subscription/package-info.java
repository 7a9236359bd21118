/**
 * Email subscriptions: readers of a site subscribe by address, without an account, to an agency, a
 * column, a topic or a saved search, immediately or as a daily digest; double opt-in, one-click
 * unsubscribe (RFC 8058) and a page from every mail that lists and edits the reader's
 * subscriptions. Mails are sent by a cluster job that claims each with a lease, retries, logs every
 * attempt and stops an address that keeps failing.
 */
package org.gongkai.subscription;
