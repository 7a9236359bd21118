package org.gongkai.site;

import org.gongkai.shared.site.PublicSiteChange;

/**
 * An offer ended: retracted by the offering agency or removed by the accepting site's editors. Had
 * it been accepted, the column and home pages that listed the document change, and its page there
 * is gone.
 */
public record OfferEnded(long offerId, long siteId, long columnId, long documentId)
    implements PublicSiteChange {}
