package org.gongkai.catalog;

import java.util.Set;

/**
 * A filter over published documents. {@code columnIds} includes the sub-columns the caller wants;
 * {@code agencyIds} likewise. Null means no filter. {@code alsoDocumentIds}: documents listed
 * besides those the agency and column filters choose (those another site accepted into a column,
 * read by reference), when published; the other filters and the order apply to them alike.
 */
public record CatalogQuery(
    Set<Long> agencyIds,
    Set<Long> columnIds,
    Integer year,
    Validity validity,
    String titleContains,
    int page,
    int size,
    Set<Long> alsoDocumentIds) {

  public CatalogQuery(
      Set<Long> agencyIds,
      Set<Long> columnIds,
      Integer year,
      Validity validity,
      String titleContains,
      int page,
      int size) {
    this(agencyIds, columnIds, year, validity, titleContains, page, size, null);
  }

  /** The same query listing these documents too. */
  public CatalogQuery withAlso(Set<Long> documentIds) {
    return new CatalogQuery(
        agencyIds, columnIds, year, validity, titleContains, page, size, documentIds);
  }
}
