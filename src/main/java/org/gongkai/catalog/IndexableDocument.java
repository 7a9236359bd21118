package org.gongkai.catalog;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the search index needs of a live, proactively disclosed document. */
public record IndexableDocument(
    long id,
    long editionId,
    String indexNumber,
    long agencyId,
    long columnId,
    String title,
    String summary,
    String bodyHtml,
    String keywords,
    String docNumber,
    String topic,
    String genre,
    Validity validity,
    LocalDate issuedOn,
    LocalDate publishedOn,
    Instant publishedAt,
    List<Attachment> attachments) {}
