/**
 * Topics (专题): pages that gather documents across agencies and columns, by tag (a keyword or the
 * subject of a document's live edition) or by hand, with an introduction, sections, an open and a
 * closed date. Staff draft them in the console; another person approves; publishing replaces the
 * live copy the public pages read and tells the site (decision 0017).
 */
package org.gongkai.topic;
