package org.gongkai.consultation.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.consultation.ConsultationKind;
import org.gongkai.consultation.ConsultationScope;

/** What the portal, the console and the API show of a consultation. */
final class ConsultationViews {

  private ConsultationViews() {}

  enum State {
    DRAFT,
    UPCOMING,
    OPEN,
    CLOSED
  }

  enum CommentState {
    PENDING,
    PUBLISHED,
    HIDDEN
  }

  enum Adoption {
    ADOPTED,
    PARTLY_ADOPTED,
    NOT_ADOPTED
  }

  record Summary(
      long id,
      String agency,
      String agencyName,
      ConsultationKind kind,
      ConsultationScope scope,
      String title,
      LocalDate opensOn,
      LocalDate closesOn,
      State state,
      int publishedComments) {}

  record Attachment(long id, String fileName, String contentType, long sizeBytes) {}

  /** A comment; contact details only in the console, never in public. */
  record Comment(
      long id,
      Integer paragraph,
      String authorName,
      String contact,
      String body,
      boolean hasAttachment,
      CommentState state,
      String moderationReason,
      Adoption adoption,
      String adoptionReason,
      Instant submittedAt) {}

  record Feedback(
      long adopted, long partlyAdopted, long notAdopted, String text, Instant publishedAt) {}

  record Consultation(
      long id,
      String agency,
      String agencyName,
      ConsultationKind kind,
      ConsultationScope scope,
      String title,
      List<String> paragraphs,
      LocalDate opensOn,
      LocalDate closesOn,
      State state,
      List<Attachment> attachments,
      List<Comment> comments,
      Feedback feedback,
      Long draftDocumentId,
      Long finalDocumentId) {}
}
