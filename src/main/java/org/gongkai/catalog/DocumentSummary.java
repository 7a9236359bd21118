package org.gongkai.catalog;

import java.time.Instant;
import java.time.LocalDate;

/** A line in a catalog list. */
public record DocumentSummary(
    long id,
    String indexNumber,
    String title,
    long agencyId,
    long columnId,
    String docNumber,
    LocalDate issuedOn,
    LocalDate publishedOn,
    Validity validity,
    EditionState state,
    Instant updatedAt) {}
