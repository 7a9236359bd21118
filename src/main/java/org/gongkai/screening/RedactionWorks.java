package org.gongkai.screening;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Files redacted in the console, each kept with its original (sealed, for staff only) and its
 * latest redaction. Another module ties works to its own records by a reference it chooses, such as
 * {@code foi-request:42}, and hands the redacted file on: a partly disclosed reply.
 */
public interface RedactionWorks {

  /**
   * A work as others may show it: what was redacted, on which grounds, by whom; {@code redacted} is
   * false until a redaction has been made.
   */
  record Work(
      long id,
      long agencyId,
      String reference,
      String fileName,
      String contentType,
      String createdBy,
      Instant createdAt,
      boolean redacted,
      long redactedSize,
      List<Ground> grounds,
      int boxes,
      int findings,
      String redactedBy,
      Instant redactedAt) {

    /** The name the redacted file is given: the original's with a mark before its extension. */
    public String redactedName() {
      int dot = fileName.lastIndexOf('.');
      return dot < 0
          ? fileName + "-redacted"
          : fileName.substring(0, dot) + "-redacted" + fileName.substring(dot);
    }
  }

  static String reference(String kind, long id) {
    return kind + ":" + id;
  }

  List<Work> forReference(String reference);

  Optional<Work> find(long id);

  /** The redacted file, unsealed; empty until a redaction has been made. */
  Optional<byte[]> redactedFile(long id);
}
