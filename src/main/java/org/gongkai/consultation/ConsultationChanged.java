package org.gongkai.consultation;

import org.gongkai.shared.site.PublicSiteChange;

/**
 * What the public sees of a published consultation changed: an attachment, a moderated comment, an
 * adoption decision, the feedback.
 */
public record ConsultationChanged(long consultationId) implements PublicSiteChange {}
