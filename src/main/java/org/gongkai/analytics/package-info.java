/**
 * Visits counted on the server without tracking anyone: page views per site, page, column and day,
 * and a day's visitors estimated from a salted hash of address, user agent and site that only
 * updates a HyperLogLog sketch (no cookie, no script, no address or per-visitor value kept), and
 * searches that found nothing; the console's dashboard and the figures the yearly website report
 * takes from them.
 */
package org.gongkai.analytics;
