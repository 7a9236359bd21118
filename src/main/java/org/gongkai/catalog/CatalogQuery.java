package org.gongkai.catalog;

import java.util.Set;

/**
 * A filter over published documents. {@code columnIds} includes the sub-columns the caller wants;
 * {@code agencyIds} likewise. Null means no filter.
 */
public record CatalogQuery(
    Set<Long> agencyIds,
    Set<Long> columnIds,
    Integer year,
    Validity validity,
    String titleContains,
    int page,
    int size) {}
