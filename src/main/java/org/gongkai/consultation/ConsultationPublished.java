package org.gongkai.consultation;

import org.gongkai.shared.site.PublicSiteChange;

/** A call for comments or a public notice was made public. */
public record ConsultationPublished(long consultationId) implements PublicSiteChange {}
