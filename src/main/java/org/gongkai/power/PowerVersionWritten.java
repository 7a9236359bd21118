package org.gongkai.power;

import org.gongkai.shared.site.PublicSiteChange;

/**
 * A version of an administrative power was written, by hand or from a workbook; it goes live once
 * approved.
 */
public record PowerVersionWritten(long agencyId, String code, int versionNo)
    implements PublicSiteChange {}
