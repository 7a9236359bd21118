package org.gongkai.screening.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.gongkai.account.StaffAccess;
import org.gongkai.audit.AuditTrail;
import org.gongkai.screening.Ground;
import org.gongkai.screening.Redactions;
import org.gongkai.shared.web.Refusal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/admin/redactions}: a PDF in, the redacted PDF out, for publications and for
 * partial-disclosure replies. The original is not kept; the redaction is audited.
 */
@RestController
class RedactionApi {

  static final String COUNT_HEADER = "X-Redacted-Boxes";

  private final Redactions redactions;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final JsonMapper json;

  RedactionApi(Redactions redactions, StaffAccess access, AuditTrail audit, JsonMapper json) {
    this.redactions = redactions;
    this.access = access;
    this.audit = audit;
    this.json = json;
  }

  @PostMapping(path = "/api/v1/admin/redactions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Transactional
  ResponseEntity<byte[]> redact(
      @RequestParam("file") MultipartFile file,
      @RequestParam(required = false) String boxes,
      @RequestParam(required = false) List<String> texts,
      @RequestParam(defaultValue = "false") boolean auto,
      @RequestParam(required = false) String ground)
      throws IOException {
    var staff = access.current();
    String name = file.getOriginalFilename() == null ? "file.pdf" : file.getOriginalFilename();
    String lower = name.toLowerCase(Locale.ROOT);
    boolean word = lower.endsWith(".docx");
    if (!lower.endsWith(".pdf") && !word) {
      throw Refusal.invalidField("file", "redaction.pdf-only");
    }
    Ground withheldOn = BoxRows.ground(ground, "ground");
    List<Redactions.Box> given = boxes(boxes);
    List<String> words =
        texts == null ? List.of() : texts.stream().filter(t -> !t.isBlank()).toList();
    if (given.isEmpty() && words.isEmpty() && !auto) {
      throw Refusal.invalidField("boxes", "redaction.nothing");
    }
    Redactions.Redacted redacted;
    try {
      redacted =
          word
              ? redactions.redactDocx(file.getBytes(), words, auto, withheldOn, List.of())
              : redactions.redactPdf(file.getBytes(), given, auto, withheldOn, List.of());
    } catch (Redactions.NoTextLayer e) {
      throw Refusal.invalidField("auto", "redaction.no-text-layer");
    } catch (Redactions.RedactionFailed e) {
      throw Refusal.conflict("redaction.failed");
    } catch (UncheckedIOException e) {
      throw Refusal.invalidField("file", "redaction.unreadable");
    }
    audit.record(
        staff.username(),
        "redaction.made",
        "file",
        name.length() > 60 ? name.substring(0, 60) : name,
        redacted.boxes().size()
            + " box(es), "
            + redacted.findings().size()
            + " finding(s)"
            + (withheldOn == null ? "" : ", ground " + withheldOn));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(
        word
            ? MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")
            : MediaType.APPLICATION_PDF);
    headers.setContentDisposition(
        ContentDisposition.attachment()
            .filename("redacted-" + name, StandardCharsets.UTF_8)
            .build());
    headers.set(
        COUNT_HEADER, String.valueOf(word ? redacted.findings().size() : redacted.boxes().size()));
    return ResponseEntity.ok().headers(headers).body(redacted.file());
  }

  private List<Redactions.Box> boxes(String text) {
    if (text == null || text.isBlank()) {
      return List.of();
    }
    try {
      List<Redactions.Box> boxes = json.readValue(text, new TypeReference<>() {});
      for (Redactions.Box box : boxes) {
        if (box.page() < 1 || box.width() <= 0 || box.height() <= 0) {
          throw Refusal.invalidField("boxes", "redaction.box.invalid");
        }
      }
      return boxes;
    } catch (JacksonException e) {
      throw Refusal.invalidField("boxes", "redaction.box.invalid");
    }
  }
}
