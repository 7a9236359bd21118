package org.gongkai.site;

import java.time.Instant;

/**
 * A published document an agency offered to a column of another site (信息报送). {@code title} is the
 * document's title when offered, for staff lists; the public pages read the live document. {@code
 * reason} is the receiving editors' reason for a decline (or their note on an acceptance).
 */
public record Offer(
    long id,
    long documentId,
    long agencyId,
    long siteId,
    long columnId,
    OfferState state,
    String title,
    String note,
    String reason,
    String offeredBy,
    Instant offeredAt,
    String decidedBy,
    Instant decidedAt) {}
