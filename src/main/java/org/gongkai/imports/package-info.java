/**
 * Moving in: the catalog of an old website brought in by crawling it (its list pages, the 2017 meta
 * tags and info table of each document page, its attachments), or from a spreadsheet or our own
 * catalog export; dry run first, idempotent and resumable; the old addresses answering with the new
 * pages.
 */
package org.gongkai.imports;
