package org.gongkai.site;

/**
 * Where an offer stands: OFFERED waits for the receiving site's editors, who accept or decline it;
 * the offering agency may retract it, waiting or accepted (RETRACTED), and the receiving editors
 * may take an accepted one off their site (REMOVED). A declined, retracted or removed document may
 * be offered again.
 */
public enum OfferState {
  OFFERED,
  ACCEPTED,
  DECLINED,
  RETRACTED,
  REMOVED
}
