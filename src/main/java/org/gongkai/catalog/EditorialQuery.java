package org.gongkai.catalog;

/** The console's document list filter and order; null fields do not filter. */
public record EditorialQuery(
    Long agencyId, EditionState state, String titleContains, int page, int size, Order order) {

  /**
   * How the list is ordered: last changed first (the default), newest publication first, or by
   * title.
   */
  public enum Order {
    UPDATED,
    PUBLISHED,
    TITLE
  }

  public EditorialQuery {
    order = order == null ? Order.UPDATED : order;
  }

  public EditorialQuery(
      Long agencyId, EditionState state, String titleContains, int page, int size) {
    this(agencyId, state, titleContains, page, size, Order.UPDATED);
  }
}
