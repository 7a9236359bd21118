package org.gongkai.catalog;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.shared.web.PageResult;

/**
 * The editorial workflow: draft, submit, approve (with the confidentiality review), publish now or
 * at a time, withdraw, revise. Every command checks the actor's agency scope and role and the
 * edition's state, and leaves an audit record; a refused command changes nothing.
 */
public interface Editorial {

  EditorialDocument get(long documentId, Staff actor);

  PageResult<DocumentSummary> list(EditorialQuery query, Staff actor);

  long createDraft(DocumentForm form, Staff actor);

  void updateDraft(long documentId, DocumentForm form, Staff actor);

  /** Submits a draft with no reason for personal data (one that holds none). */
  void submit(long documentId, Staff actor);

  /**
   * Submits the draft for review. A draft whose title, body or attachments hold personal data or a
   * secrecy mark is refused (409, {@code urn:gongkai:problem:personal-data}, the findings listed)
   * unless {@code personalDataReason} says why it may be published as it is.
   */
  void submit(long documentId, String personalDataReason, Staff actor);

  /** Approves a draft with no grounds for personal data (one that holds none). */
  void approve(long documentId, boolean confidentialityChecked, String comment, Staff actor);

  /**
   * Approves the submitted draft. Personal data or a secrecy mark in it needs {@code
   * personalDataJustification} from a second person: neither an author of the draft nor the one who
   * gave its reason on submitting.
   */
  void approve(
      long documentId,
      boolean confidentialityChecked,
      String comment,
      String personalDataJustification,
      Staff actor);

  void reject(long documentId, String comment, Staff actor);

  /** Publishes the approved edition now, or schedules it when {@code at} lies in the future. */
  void publish(long documentId, Instant at, Staff actor);

  void withdraw(long documentId, String reason, Staff actor);

  /** Opens a new draft edition copied from the live one; the index number stays. */
  void startRevision(long documentId, Staff actor);

  Attachment addAttachment(long documentId, String fileName, InputStream content, Staff actor);

  void removeAttachment(long documentId, long attachmentId, Staff actor);

  /**
   * Brings in a document that the agency published before it used this platform, with its original
   * publication time. Administrators only; recorded as an import in the audit trail.
   */
  long importPublished(
      DocumentForm form, Instant publishedAt, List<Upload> attachments, Staff actor);

  /**
   * Brings in a document from an old website or another system, keeping its index number (the
   * agency's counter moves past it) and remembering the address it was published at.
   */
  long importPublished(
      DocumentForm form,
      Instant publishedAt,
      List<Upload> attachments,
      Provenance provenance,
      Staff actor);

  /**
   * Refuses as {@link #importPublished(DocumentForm, Instant, List, Provenance, Staff)} would,
   * without importing: the agency, column, body and metadata, an index number already taken ({@code
   * document.index-number.taken}) and personal data or secrecy marks in the title, body or files
   * ({@code urn:gongkai:problem:personal-data}, the findings listed).
   */
  void checkImport(DocumentForm form, List<Upload> attachments, Provenance provenance, Staff actor);

  /** A file brought in with an imported document. */
  record Upload(String fileName, byte[] content) {}

  /**
   * Where an imported document comes from: its index number on the old site (null for a new one)
   * and the address it was published at (null when it had none).
   */
  record Provenance(String indexNumber, String sourceUrl) {

    public static final Provenance NONE = new Provenance(null, null);
  }

  /** Publishes scheduled editions whose time has come; returns how many. */
  int publishDue();
}
