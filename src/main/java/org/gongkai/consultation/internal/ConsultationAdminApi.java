package org.gongkai.consultation.internal;

import java.net.URI;
import java.util.List;
import org.gongkai.account.StaffAccess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff API: open a consultation, moderate and answer its comments, publish the feedback,
 * export.
 */
@RestController
@RequestMapping("/api/v1/admin/consultations")
class ConsultationAdminApi {

  private final Consultations consultations;
  private final ConsultationReader reader;
  private final CommentExport export;
  private final StaffAccess access;

  ConsultationAdminApi(
      Consultations consultations,
      ConsultationReader reader,
      CommentExport export,
      StaffAccess access) {
    this.consultations = consultations;
    this.reader = reader;
    this.export = export;
    this.access = access;
  }

  record Created(long id) {}

  record Moderation(ConsultationViews.CommentState state, String reason) {}

  record AdoptionForm(ConsultationViews.Adoption adoption, String reason) {}

  record FeedbackForm(String text, Long finalDocument) {}

  @GetMapping
  List<ConsultationViews.Summary> list() {
    return reader.listForStaff(access.current());
  }

  @PostMapping
  ResponseEntity<Created> create(@RequestBody Consultations.Form form) {
    long id = consultations.create(form, access.current());
    return ResponseEntity.created(URI.create("/api/v1/admin/consultations/" + id))
        .body(new Created(id));
  }

  @GetMapping("/{id}")
  ConsultationViews.Consultation get(@PathVariable long id) {
    return reader.get(id, true);
  }

  @PostMapping("/{id}/publish")
  ConsultationViews.Consultation publish(@PathVariable long id) {
    consultations.publish(id, access.current());
    return get(id);
  }

  @PostMapping("/{id}/comments/{commentId}/moderation")
  ConsultationViews.Consultation moderate(
      @PathVariable long id, @PathVariable long commentId, @RequestBody Moderation body) {
    consultations.moderate(id, commentId, body.state(), body.reason(), access.current());
    return get(id);
  }

  @PostMapping("/{id}/comments/{commentId}/adoption")
  ConsultationViews.Consultation adopt(
      @PathVariable long id, @PathVariable long commentId, @RequestBody AdoptionForm body) {
    consultations.adopt(id, commentId, body.adoption(), body.reason(), access.current());
    return get(id);
  }

  @PostMapping("/{id}/feedback")
  ConsultationViews.Consultation feedback(@PathVariable long id, @RequestBody FeedbackForm body) {
    consultations.publishFeedback(id, body.text(), body.finalDocument(), access.current());
    return get(id);
  }

  @GetMapping("/{id}/comments.xlsx")
  ResponseEntity<byte[]> export(@PathVariable long id) {
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("comments-" + id + ".xlsx").build().toString())
        .body(export.export(id, access.current()));
  }
}
