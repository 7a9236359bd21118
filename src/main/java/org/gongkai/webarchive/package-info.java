/**
 * The web archive: a site's public pages for a year (or the whole site, when it closes), with their
 * attachments, feeds, sitemap and robots.txt, as the server answered them, written to WARC files
 * (ISO 28500) with a CDX index and a manifest of checksums (DA/T 80-2019), kept in the file store
 * for the platform's administrators only.
 */
@ApplicationModule(displayName = "Web archive")
package org.gongkai.webarchive;

import org.springframework.modulith.ApplicationModule;
