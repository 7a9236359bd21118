package org.gongkai.decision.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.decision.DecisionForm;
import org.gongkai.decision.DecisionKind;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.Refusal;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The staff API of the register, for the console's scripts and the systems that hold the decisions
 * already (personal access tokens with the {@code decisions} scope): enter, submit, approve (a
 * second person), publish, return, revoke.
 */
@RestController
class DecisionAdminApi {

  private final Decisions decisions;
  private final DecisionSteps steps;
  private final DecisionQueries queries;
  private final StaffAccess access;
  private final AgencyDirectory agencies;
  private final DecisionSheets sheets;
  private final DecisionImports imports;
  private final MessageSource messages;

  DecisionAdminApi(
      Decisions decisions,
      DecisionSteps steps,
      DecisionQueries queries,
      StaffAccess access,
      AgencyDirectory agencies,
      DecisionSheets sheets,
      DecisionImports imports,
      MessageSource messages) {
    this.sheets = sheets;
    this.imports = imports;
    this.messages = messages;
    this.decisions = decisions;
    this.steps = steps;
    this.queries = queries;
    this.access = access;
    this.agencies = agencies;
  }

  @PostMapping(path = "/api/v1/admin/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<DecisionViews.StaffDecision> create(@RequestBody DecisionForm form) {
    Staff staff = access.current();
    long id = decisions.create(form, staff);
    return ResponseEntity.created(URI.create("/api/v1/admin/decisions/" + id))
        .body(queries.staffGet(id, staff));
  }

  @GetMapping("/api/v1/admin/decisions")
  PageResult<DecisionViews.StaffDecision> list(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) DecisionKind kind,
      @RequestParam(required = false) DecisionState state,
      @RequestParam(required = false) String batch,
      @RequestParam(required = false) Integer page) {
    Staff staff = access.current();
    return queries.staffList(staff, scope(staff, agency), q, kind, state, batch, page);
  }

  @GetMapping("/api/v1/admin/decisions/{id}")
  DecisionViews.StaffDecision get(@PathVariable long id) {
    return queries.staffGet(id, access.current());
  }

  @PutMapping(path = "/api/v1/admin/decisions/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  DecisionViews.StaffDecision update(@PathVariable long id, @RequestBody DecisionForm form) {
    decisions.update(id, form, access.current());
    return queries.staffGet(id, access.current());
  }

  @PostMapping("/api/v1/admin/decisions/{id}/submit")
  DecisionViews.StaffDecision submit(@PathVariable long id) {
    steps.submit(id, access.current());
    return queries.staffGet(id, access.current());
  }

  @PostMapping("/api/v1/admin/decisions/{id}/approve")
  DecisionViews.StaffDecision approve(@PathVariable long id) {
    steps.approve(id, access.current());
    return queries.staffGet(id, access.current());
  }

  @PostMapping("/api/v1/admin/decisions/{id}/publish")
  DecisionViews.StaffDecision publish(@PathVariable long id) {
    steps.publish(id, access.current());
    return queries.staffGet(id, access.current());
  }

  record Reason(String reason) {}

  @PostMapping("/api/v1/admin/decisions/{id}/return")
  DecisionViews.StaffDecision returnToDraft(
      @PathVariable long id, @RequestBody(required = false) Reason reason) {
    steps.returnToDraft(id, reason == null ? null : reason.reason(), access.current());
    return queries.staffGet(id, access.current());
  }

  @PostMapping("/api/v1/admin/decisions/{id}/revoke")
  DecisionViews.StaffDecision revoke(
      @PathVariable long id, @RequestBody(required = false) Reason reason) {
    steps.revoke(id, reason == null ? null : reason.reason(), access.current());
    return queries.staffGet(id, access.current());
  }

  /** The agencies a staff list covers: one named agency (in scope) or every one in scope. */
  Collection<Long> scope(Staff staff, String agency) {
    if (agency == null || agency.isBlank()) {
      return queries.scope(staff);
    }
    long id =
        agencies
            .findByCode(agency.strip())
            .orElseThrow(() -> Refusal.invalidField("agency", "decision.agency.unknown", agency))
            .id();
    access.requireAgency(staff, id);
    return List.of(id);
  }

  /**
   * Enters every row of the spreadsheet (the standard's columns for the kind) as drafts of one
   * import, or none; the answer names the import ({@code batch}) for the steps of all of it.
   */
  @PostMapping(
      path = "/api/v1/admin/decisions/import",
      consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  DecisionImports.Imported importFile(
      @RequestParam String agency,
      @RequestParam(required = false) DecisionKind kind,
      @RequestPart("file") MultipartFile file)
      throws IOException {
    return imports.importWorkbook(agency, kind, file.getBytes(), access.current());
  }

  /**
   * The credit platform's upload file of the decisions published from {@code from} to {@code to}
   * (both inclusive; one day when {@code to} is left out): CSV of one kind, or XLSX with a sheet
   * per kind.
   */
  @GetMapping("/api/v1/admin/decisions/export")
  ResponseEntity<byte[]> export(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false, defaultValue = "xlsx") String format,
      @RequestParam(required = false) DecisionKind kind,
      @RequestParam(required = false) String agency) {
    Staff staff = access.current();
    LocalDate last = to == null ? from : to;
    if (last.isBefore(from)) {
      throw Refusal.invalidField("to", "decision.date.range");
    }
    if (last.isAfter(from.plusYears(3))) {
      throw Refusal.invalidField("to", "decision.export.range-too-long");
    }
    List<Decision> rows = sheets.published(scope(staff, agency), kind, from, last);
    String name = "decisions-" + from + (last.equals(from) ? "" : "_" + last);
    if ("csv".equalsIgnoreCase(format)) {
      if (kind == null) {
        throw Refusal.invalidField("kind", "decision.export.csv-kind");
      }
      sheets.audited(staff, "csv", from, last, rows.size());
      return download(
          sheets.csv(rows, kind).getBytes(StandardCharsets.UTF_8),
          "text/csv;charset=UTF-8",
          name + "-" + kind.name().toLowerCase(Locale.ROOT) + ".csv");
    }
    if (!"xlsx".equalsIgnoreCase(format)) {
      throw Refusal.invalidField("format", "decision.export.format");
    }
    sheets.audited(staff, "xlsx", from, last, rows.size());
    return download(
        sheets.xlsx(rows, kind == null ? List.of(DecisionKind.values()) : List.of(kind)),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        name + ".xlsx");
  }

  private static ResponseEntity<byte[]> download(byte[] body, String type, String filename) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(type))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .body(body);
  }

  /** Every bad cell of a refused import, so the spreadsheet can be fixed in one pass. */
  @ExceptionHandler(DecisionImports.ImportRefused.class)
  ProblemDetail importRefused(DecisionImports.ImportRefused refused, Locale locale) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST,
            messages.getMessage(
                "decision.import.refused", new Object[] {refused.problems().size()}, locale));
    problem.setTitle(messages.getMessage("problem.title.400", null, locale));
    problem.setType(URI.create("urn:gongkai:problem:decision.import.refused"));
    problem.setProperty(
        "errors",
        refused.problems().stream()
            .map(
                p ->
                    Map.of(
                        "row", p.row(),
                        "column", p.column(),
                        "field", p.field(),
                        "label", p.label(),
                        "message", p.message()))
            .toList());
    return problem;
  }
}
