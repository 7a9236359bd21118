package org.gongkai.search;

import java.time.LocalDate;

/** One document as the index holds it: plain text and the names shown in results and facets. */
public record IndexedDocument(
    long id,
    long editionId,
    String indexNumber,
    String title,
    String summary,
    String bodyText,
    String keywords,
    String docNumber,
    String agencyCode,
    String agencyName,
    long columnId,
    String columnName,
    String topic,
    String genre,
    String validity,
    LocalDate issuedOn,
    LocalDate publishedOn,
    String attachmentText) {}
