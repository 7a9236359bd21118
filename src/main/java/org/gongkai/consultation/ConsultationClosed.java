package org.gongkai.consultation;

import java.time.LocalDate;
import org.gongkai.shared.site.PublicSiteChange;

/**
 * A published consultation's comment period ended: its pages stop offering the comment form and
 * list it among the closed ones. Published once per consultation, by the job that notices the day
 * after {@code closesOn}.
 */
public record ConsultationClosed(long consultationId, long agencyId, LocalDate closesOn)
    implements PublicSiteChange {}
