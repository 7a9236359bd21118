package org.gongkai.power;

import org.gongkai.shared.site.PublicSiteChange;

/** A version of an administrative power was approved and is the one the public sees. */
public record PowerVersionApproved(long agencyId, String code, int versionNo)
    implements PublicSiteChange {}
