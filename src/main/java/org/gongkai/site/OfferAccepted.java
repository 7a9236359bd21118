package org.gongkai.site;

import org.gongkai.shared.site.PublicSiteChange;

/** A site's editors accepted an offered document: the column and home pages that list it change. */
public record OfferAccepted(long offerId, long siteId, long columnId, long documentId)
    implements PublicSiteChange {}
