package org.gongkai.power.internal;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.account.StaffAccess;
import org.gongkai.power.PowerType;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The power catalog's public API, and the staff API for entering, importing and exporting it. */
@RestController
class PowerApi {

  private final Powers powers;
  private final PowerWorkbooks workbooks;
  private final StaffAccess access;
  private final MessageSource messages;

  PowerApi(Powers powers, PowerWorkbooks workbooks, StaffAccess access, MessageSource messages) {
    this.powers = powers;
    this.workbooks = workbooks;
    this.access = access;
    this.messages = messages;
  }

  record PowerView(
      String code,
      String agency,
      String agencyName,
      PublicVersion current,
      List<PublicVersion> history,
      List<Flow.Step> flow) {}

  /**
   * A version as the public sees it: what the power is and when it took effect, not which staff
   * account entered it.
   */
  record PublicVersion(
      int versionNo,
      LocalDate effectiveOn,
      String name,
      PowerType type,
      List<String> legalBasis,
      String unit,
      String conditions,
      String materials,
      String timeLimit,
      String fees,
      String contact,
      String flow,
      String changeNote) {

    static PublicVersion of(Powers.Version v) {
      return new PublicVersion(
          v.versionNo(),
          v.effectiveOn(),
          v.name(),
          v.type(),
          v.legalBasis(),
          v.unit(),
          v.conditions(),
          v.materials(),
          v.timeLimit(),
          v.fees(),
          v.contact(),
          v.flow(),
          v.changeNote());
    }
  }

  @GetMapping("/api/v1/powers")
  List<Powers.Summary> list(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) PowerType type,
      @RequestParam(required = false) String q) {
    return powers.list(agency, type, q);
  }

  @GetMapping("/api/v1/powers/{code}")
  PowerView get(@PathVariable String code) {
    Powers.Power p = powers.get(code);
    return new PowerView(
        p.code(),
        p.agency(),
        p.agencyName(),
        PublicVersion.of(p.current()),
        p.history().stream().map(PublicVersion::of).toList(),
        powers.flow(p.current()).steps());
  }

  @PostMapping(path = "/api/v1/admin/powers", consumes = MediaType.APPLICATION_JSON_VALUE)
  /**
   * Enters a power or a new version of it; it waits for a second person's approval before the
   * public sees it.
   */
  ResponseEntity<Powers.Pending> save(@RequestParam String agency, @RequestBody Powers.Form form) {
    powers.save(agency, form, access.current());
    String code = form.code().strip();
    Powers.Pending entered =
        powers.pending(agency, access.current()).stream()
            .filter(p -> p.code().equals(code))
            .reduce((first, last) -> last)
            .orElseThrow();
    return ResponseEntity.created(URI.create("/api/v1/powers/" + code)).body(entered);
  }

  @GetMapping("/api/v1/admin/powers/pending")
  List<Powers.Pending> pending(@RequestParam String agency) {
    return powers.pending(agency, access.current());
  }

  record Approved(int versions) {}

  /**
   * Approves the agency's pending versions, or one power's with {@code code}: a second person (four
   * eyes).
   */
  @PostMapping("/api/v1/admin/powers/approve")
  Approved approve(@RequestParam String agency, @RequestParam(required = false) String code) {
    return new Approved(powers.approve(agency, code, access.current()));
  }

  record Imported(int rows) {}

  @PostMapping(path = "/api/v1/admin/powers/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  Imported importFile(@RequestParam String agency, @RequestPart("file") MultipartFile file)
      throws IOException {
    return new Imported(workbooks.importWorkbook(agency, file.getBytes(), access.current()));
  }

  @GetMapping("/api/v1/admin/powers/export")
  ResponseEntity<byte[]> export(@RequestParam(required = false) String agency) {
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("powers.xlsx").build().toString())
        .body(workbooks.export(agency));
  }

  /** Every bad row of a refused import, so the spreadsheet can be fixed in one pass. */
  @ExceptionHandler(PowerWorkbooks.ImportRefused.class)
  ProblemDetail importRefused(PowerWorkbooks.ImportRefused refused, Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            messages.getMessage(
                "power.import.refused", new Object[] {refused.problems().size()}, locale));
    problem.setTitle(messages.getMessage("problem.title.400", null, locale));
    problem.setType(URI.create("urn:gongkai:problem:power.import.refused"));
    problem.setProperty(
        "errors",
        refused.problems().stream()
            .map(p -> Map.of("row", p.row(), "field", p.column(), "message", p.message()))
            .toList());
    return problem;
  }
}
