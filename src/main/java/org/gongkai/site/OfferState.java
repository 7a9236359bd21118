package org.gongkai.site;

/**
 * Where an offer stands: OFFERED waits for the receiving site's editors, who accept or decline it.
 */
public enum OfferState {
  OFFERED,
  ACCEPTED,
  DECLINED
}
