package org.gongkai.site.internal;

import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.WorkQueue;
import org.gongkai.site.Offer;
import org.gongkai.site.OfferState;
import org.gongkai.site.Offers;
import org.springframework.stereotype.Component;

/** Offers waiting for the editors of the site they were made to. */
@Component
class OfferWork implements WorkQueue {

  private static final int COUNTED = 500;

  private final Offers offers;

  OfferWork(Offers offers) {
    this.offers = offers;
  }

  @Override
  public Section section() {
    return Section.PUBLISHING;
  }

  @Override
  public List<Work> open(Staff staff, int limit) {
    List<Offer> waiting = offers.inbox(staff, OfferState.OFFERED, COUNTED);
    List<Item> items =
        waiting.stream()
            .limit(limit)
            .map(o -> new Item(o.title(), "/console/offers#offer-" + o.id(), null, null))
            .toList();
    return List.of(new Work("todo.offers", waiting.size(), items, "/console/offers"));
  }
}
