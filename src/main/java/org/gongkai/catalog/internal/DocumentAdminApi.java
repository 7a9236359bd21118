package org.gongkai.catalog.internal;

import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditEntry;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.Attachment;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.DocumentSummary;
import org.gongkai.catalog.EditionState;
import org.gongkai.catalog.Editorial;
import org.gongkai.catalog.EditorialDocument;
import org.gongkai.catalog.EditorialQuery;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The staff API for scripts and integrations: drafting and the editorial workflow. */
@RestController
@RequestMapping("/api/v1/admin/documents")
class DocumentAdminApi {

  private final Editorial editorial;
  private final StaffAccess access;
  private final AgencyDirectory agencies;
  private final AuditTrail audit;

  DocumentAdminApi(
      Editorial editorial, StaffAccess access, AgencyDirectory agencies, AuditTrail audit) {
    this.editorial = editorial;
    this.access = access;
    this.agencies = agencies;
    this.audit = audit;
  }

  record Created(long id) {}

  record Review(Boolean confidentialityChecked, String comment, String personalDataJustification) {}

  /** The editor's reason for publishing personal data the draft holds, when it holds some. */
  record Submission(String personalDataJustification) {}

  record Rejection(String comment) {}

  record Publication(OffsetDateTime at) {}

  record Withdrawal(String reason) {}

  @GetMapping
  PageResult<DocumentSummary> list(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) EditionState state,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    Long agencyId =
        agency == null || agency.isBlank()
            ? null
            : agencies
                .findByCode(agency)
                .orElseThrow(() -> Refusal.notFound("agency.not-found"))
                .id();
    int perPage = PageResult.clampSize(size, 20, 200);
    return editorial.list(
        new EditorialQuery(agencyId, state, q, PageResult.page(page, perPage), perPage),
        access.current());
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Created> create(@Valid @RequestBody DocumentForm form) {
    long id = editorial.createDraft(form, access.current());
    return ResponseEntity.created(URI.create("/api/v1/admin/documents/" + id))
        .body(new Created(id));
  }

  @GetMapping("/{id}")
  EditorialDocument get(@PathVariable long id) {
    return editorial.get(id, access.current());
  }

  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  EditorialDocument update(@PathVariable long id, @Valid @RequestBody DocumentForm form) {
    editorial.updateDraft(id, form, access.current());
    return editorial.get(id, access.current());
  }

  @PostMapping("/{id}/submit")
  EditorialDocument submit(
      @PathVariable long id, @RequestBody(required = false) Submission submission) {
    editorial.submit(
        id, submission == null ? null : submission.personalDataJustification(), access.current());
    return editorial.get(id, access.current());
  }

  @PostMapping("/{id}/approve")
  EditorialDocument approve(@PathVariable long id, @RequestBody(required = false) Review review) {
    boolean checked = review != null && Boolean.TRUE.equals(review.confidentialityChecked());
    editorial.approve(
        id,
        checked,
        review == null ? null : review.comment(),
        review == null ? null : review.personalDataJustification(),
        access.current());
    return editorial.get(id, access.current());
  }

  @PostMapping("/{id}/reject")
  EditorialDocument reject(
      @PathVariable long id, @RequestBody(required = false) Rejection rejection) {
    editorial.reject(id, rejection == null ? null : rejection.comment(), access.current());
    return editorial.get(id, access.current());
  }

  @PostMapping("/{id}/publish")
  EditorialDocument publish(
      @PathVariable long id, @RequestBody(required = false) Publication publication) {
    Instant at =
        publication == null || publication.at() == null ? null : publication.at().toInstant();
    editorial.publish(id, at, access.current());
    return editorial.get(id, access.current());
  }

  @PostMapping("/{id}/withdraw")
  EditorialDocument withdraw(
      @PathVariable long id, @RequestBody(required = false) Withdrawal withdrawal) {
    editorial.withdraw(id, withdrawal == null ? null : withdrawal.reason(), access.current());
    return editorial.get(id, access.current());
  }

  @PostMapping("/{id}/revise")
  EditorialDocument revise(@PathVariable long id) {
    editorial.startRevision(id, access.current());
    return editorial.get(id, access.current());
  }

  @PostMapping(path = "/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @ResponseStatus(HttpStatus.CREATED)
  Attachment attach(@PathVariable long id, @RequestParam("file") MultipartFile file)
      throws IOException {
    try (InputStream in = file.getInputStream()) {
      return editorial.addAttachment(id, file.getOriginalFilename(), in, access.current());
    }
  }

  @DeleteMapping("/{id}/attachments/{attachmentId}")
  ResponseEntity<Void> detach(@PathVariable long id, @PathVariable long attachmentId) {
    editorial.removeAttachment(id, attachmentId, access.current());
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/{id}/audit")
  List<AuditEntry> history(@PathVariable long id) {
    editorial.get(id, access.current());
    return audit.forSubject("document", id);
  }
}
