package org.gongkai.imports.internal;

import java.time.LocalDate;
import java.util.List;
import org.gongkai.catalog.Validity;

/**
 * A document as read from an old page, a spreadsheet row or an export line, before it is checked:
 * {@code column} is the old column's name (or, from our own export, its id), mapped to a column of
 * the agency by the import's column mapping; {@code attachments} are addresses to fetch, {@code
 * files} names of files brought with the import.
 */
record Candidate(
    String sourceUrl,
    String title,
    String indexNumber,
    String column,
    LocalDate publishedOn,
    LocalDate issuedOn,
    String docNumber,
    String topic,
    String keywords,
    String source,
    Validity validity,
    String summary,
    String bodyHtml,
    List<String> attachments) {

  Candidate {
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
  }
}
