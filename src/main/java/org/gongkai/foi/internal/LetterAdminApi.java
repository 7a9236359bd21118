package org.gongkai.foi.internal;

import org.gongkai.account.StaffAccess;
import org.gongkai.foi.Outcome;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A request's letters as sent, as text and DOCX; and, before the reply, a preview for an outcome.
 */
@RestController
@RequestMapping("/api/v1/admin/foi/requests/{id}")
class LetterAdminApi {

  private static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final RequestQueries queries;
  private final RequestCommands commands;
  private final Letters letters;
  private final StaffAccess access;

  LetterAdminApi(
      RequestQueries queries, RequestCommands commands, Letters letters, StaffAccess access) {
    this.queries = queries;
    this.commands = commands;
    this.letters = letters;
    this.access = access;
  }

  /**
   * The reply as sent, or (before the reply) a preview for an outcome; the applicant's name masked.
   */
  @GetMapping("/letter")
  Letters.Letter reply(
      @PathVariable long id,
      @RequestParam(required = false) Outcome outcome,
      @RequestParam(required = false) String explanation) {
    Views.RequestView view = queries.view(id, access.current());
    if (view.replyLetter() != null && outcome == null) {
      return queries.letter(id, view.replyLetter(), access.current());
    }
    return queries.masked(id, commands.previewReply(id, outcome, explanation, access.current()));
  }

  /**
   * The reply to print and send, in full: for staff with the personal-data permission, and
   * recorded.
   */
  @GetMapping("/letter.docx")
  ResponseEntity<byte[]> replyDocx(
      @PathVariable long id,
      @RequestParam(required = false) Outcome outcome,
      @RequestParam(required = false) String explanation) {
    Views.RequestView view = queries.view(id, access.current());
    if (view.replyLetter() != null && outcome == null) {
      return letterDocx(id, view.replyLetter());
    }
    queries.printDraft(id, access.current());
    return docx(
        view.trackingCode(),
        letters.docx(commands.previewReply(id, outcome, explanation, access.current())));
  }

  @GetMapping("/letters/{letterId}")
  Letters.Letter letter(@PathVariable long id, @PathVariable long letterId) {
    return queries.letter(id, letterId, access.current());
  }

  /** A letter as sent, in full: for staff with the personal-data permission, and recorded. */
  @GetMapping("/letters/{letterId}.docx")
  ResponseEntity<byte[]> letterDocx(@PathVariable long id, @PathVariable long letterId) {
    Views.RequestView view = queries.view(id, access.current());
    return docx(
        view.trackingCode() + "-" + letterId,
        letters.docx(queries.letterAsSent(id, letterId, access.current())));
  }

  private static ResponseEntity<byte[]> docx(String name, byte[] content) {
    return ResponseEntity.ok()
        .contentType(DOCX)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name + ".docx").build().toString())
        .body(content);
  }
}
