package org.gongkai.site;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongkai.account.Staff;

/**
 * Submissions upward (信息报送): an agency offers a published document to a column of another site;
 * that site's editors accept or decline it. An accepted document is shown there by reference.
 */
public interface Offers {

  /**
   * The documents accepted into these columns of the site, for its column and home pages; read from
   * a snapshot that follows the public site's version, so it costs no query.
   */
  Set<Long> acceptedIn(long siteId, Collection<Long> columnIds);

  /** Every document accepted on the site. */
  Set<Long> acceptedOn(long siteId);

  /** The column of the site the document was accepted into, from the same snapshot. */
  Optional<Long> acceptedColumn(long siteId, long documentId);

  /** Offers {@code documentId} (published, of the actor's agencies) to a column of a site. */
  Offer offer(long documentId, long siteId, long columnId, String note, Staff actor);

  /** The receiving site's editors take the offer: the document is listed in the column. */
  Offer accept(long offerId, Staff actor);

  /** The receiving site's editors decline the offer, with the reason the offering agency sees. */
  Offer decline(long offerId, String reason, Staff actor);

  /**
   * The offering agency's editors take the offer back, waiting or accepted (then it leaves the
   * receiving site at once); {@code reason} may be empty.
   */
  Offer retract(long offerId, String reason, Staff actor);

  /** The receiving site's editors take an accepted document off their site, with a reason. */
  Offer remove(long offerId, String reason, Staff actor);

  Offer get(long offerId, Staff actor);

  /** Offers to columns of agencies the person works on, newest first; state null for every one. */
  List<Offer> inbox(Staff staff, OfferState state, int limit);

  /** Offers the person's agencies made, newest first. */
  List<Offer> sent(Staff staff, int limit);

  /** How many documents the agency offered in the period, and how many of those were accepted. */
  Tally tally(long agencyId, LocalDate from, LocalDate to);

  record Tally(long offered, long accepted) {}
}
