package org.gongkai.catalog;

import java.util.List;

/**
 * A document as staff see it: the edition being worked on (the pre-publication one if any,
 * otherwise the latest) and every edition before it.
 */
public record EditorialDocument(
    long id,
    long agencyId,
    String agencyCode,
    String indexNumber,
    Edition working,
    List<Edition> editions,
    List<Long> interpretationOf) {

  public boolean hasLiveEdition() {
    return editions.stream().anyMatch(e -> e.state() == EditionState.PUBLISHED);
  }
}
