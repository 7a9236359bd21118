package org.gongkai.intake.internal;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.intake.Intake;
import org.gongkai.intake.RecognisedDocument;
import org.gongkai.intake.SplitAttachment;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/v1/admin/intake}: a signed document in, its recognised fields out, for staff who
 * draft documents. The split attachments are fetched by token in the same session, or come along in
 * Base64 with {@code content=true}. Nothing is stored: recognising changes no record.
 */
@RestController
@RequestMapping("/api/v1/admin/intake")
class IntakeApi {

  private final Intake intake;
  private final StaffAccess access;
  private final PendingIntakes pending;
  private final MessageSource messages;

  IntakeApi(Intake intake, StaffAccess access, PendingIntakes pending, MessageSource messages) {
    this.intake = intake;
    this.access = access;
    this.pending = pending;
    this.messages = messages;
  }

  @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  IntakeView recognise(
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(defaultValue = "false") boolean content,
      HttpSession session,
      Locale locale)
      throws IOException {
    Staff me = access.current();
    List<Agency> agencies = agencies(access, me);
    String name = fileName(file);
    RecognisedDocument recognised = recognise(intake, name, file.getBytes(), agencies);
    String id =
        pending.keep(
            session,
            new PendingIntakes.Pending(name, Map.of(), Map.of(), recognised.attachments()));
    return IntakeView.of(name, id, recognised, content, messages, locale);
  }

  @GetMapping("/attachments/{token}")
  ResponseEntity<byte[]> attachment(@PathVariable String token, HttpSession session) {
    access.current();
    int dot = token.lastIndexOf('.');
    SplitAttachment file =
        pending
            .get(session, dot < 0 ? null : token.substring(0, dot))
            .flatMap(p -> index(p.files(), token.substring(dot + 1)))
            .orElseThrow(() -> Refusal.notFound("intake.attachment.not-found"));
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(file.mediaType()));
    headers.setContentDisposition(
        ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8).build());
    return ResponseEntity.ok().headers(headers).body(file.content());
  }

  /** The agencies whose documents the person drafts; none means no editor rights to use. */
  static List<Agency> agencies(StaffAccess access, Staff me) {
    List<Agency> agencies = access.agenciesInScope(me);
    if (agencies.isEmpty()) {
      throw Refusal.forbidden("intake.no-agency");
    }
    return agencies;
  }

  static String fileName(MultipartFile file) {
    if (file == null || file.isEmpty()) {
      throw Refusal.invalidField("file", "intake.file.required");
    }
    String name = file.getOriginalFilename();
    return name == null || name.isBlank() ? "document" : name.strip();
  }

  /** The recognition, or a 400 naming why the file cannot be read. */
  static RecognisedDocument recognise(
      Intake intake, String name, byte[] content, List<Agency> agencies) {
    try {
      return intake.recognise(name, content, agencies);
    } catch (Intake.Unreadable e) {
      throw Refusal.invalidField("file", e.messageKey());
    }
  }

  private static java.util.Optional<SplitAttachment> index(List<SplitAttachment> files, String i) {
    try {
      int n = Integer.parseInt(i);
      return n >= 0 && n < files.size()
          ? java.util.Optional.of(files.get(n))
          : java.util.Optional.empty();
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }
}
