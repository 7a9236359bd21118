package org.gongkai.report;

import org.gongkai.shared.site.PublicSiteChange;

/**
 * An agency's annual report for {@code year} went live as the catalog document {@code documentId}:
 * the one the report module drafted, or a document published in the agency's 年度报告 column in the
 * following year with the year in its title. Published in the transaction that publishes the
 * document, once per document (a revision publishes none).
 */
public record AnnualReportPublished(long agencyId, int year, long documentId)
    implements PublicSiteChange {}
