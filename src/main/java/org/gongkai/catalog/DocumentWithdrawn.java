package org.gongkai.catalog;

import java.time.Instant;
import org.gongkai.shared.site.PublicSiteChange;

/** A published document was withdrawn: it must leave every public list, feed and index at once. */
public record DocumentWithdrawn(
    long documentId, long agencyId, String indexNumber, Instant withdrawnAt)
    implements PublicSiteChange {}
