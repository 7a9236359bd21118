package org.gongkai.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One edition of a document with all of its catalog metadata. */
public record Edition(
    long id,
    long documentId,
    int editionNumber,
    EditionState state,
    int lockVersion,
    long columnId,
    DocumentKind kind,
    String title,
    String docNumber,
    LocalDate issuedOn,
    String topic,
    String genre,
    String keywords,
    Validity validity,
    LocalDate effectiveOn,
    LocalDate repealedOn,
    DisclosureMode disclosureMode,
    String source,
    String summary,
    String bodyHtml,
    String changeNote,
    Instant scheduledFor,
    Instant publishedAt,
    Instant supersededAt,
    Boolean confidentialityChecked,
    String reviewComment,
    String reviewedBy,
    Instant reviewedAt,
    String withdrawnReason,
    Instant withdrawnAt,
    Instant updatedAt,
    String updatedBy,
    List<Attachment> attachments) {}
