package org.gongkai.catalog;

import java.time.LocalDate;
import java.util.List;

/** A published document as the public sees it: current edition, links and change history. */
public record PublicDocument(
    long id,
    String indexNumber,
    long agencyId,
    LocalDate publishedOn,
    Edition edition,
    List<LinkedDocument> interpretations,
    List<LinkedDocument> interpretedPolicies,
    List<ChangeRecord> history) {}
