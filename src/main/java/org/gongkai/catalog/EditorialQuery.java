package org.gongkai.catalog;

/** The console's document list filter; null fields do not filter. */
public record EditorialQuery(Long agencyId, EditionState state, String titleContains, int page, int size) {}
