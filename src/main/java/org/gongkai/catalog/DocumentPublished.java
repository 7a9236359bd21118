package org.gongkai.catalog;

import java.time.Instant;
import org.gongkai.shared.site.PublicSiteChange;

/** An edition went live: the first publication of a document, or a revision of it. */
public record DocumentPublished(
    long documentId,
    long editionId,
    long agencyId,
    long columnId,
    String indexNumber,
    boolean revision,
    Instant publishedAt)
    implements PublicSiteChange {}
