package org.gongkai.search;

/**
 * A synonym group was added or removed: searches expand their words differently from now on. Search
 * pages are never cached, so this is no change of the public site's version.
 */
public record SynonymsChanged(String actor) {}
