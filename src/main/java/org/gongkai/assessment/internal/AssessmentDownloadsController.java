package org.gongkai.assessment.internal;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.shared.storage.StoredFiles;
import org.gongkai.shared.web.Refusal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;

/** The year's workbook, an agency's Word report and the assessors' evidence files. */
@Controller
@RequestMapping("/console/assessments")
class AssessmentDownloadsController {

  private static final MediaType XLSX =
      MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  private static final MediaType DOCX =
      MediaType.parseMediaType(
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document");

  private final Assessments assessments;
  private final AssessmentEntries entries;
  private final AssessmentExports exports;
  private final StoredFiles files;
  private final StaffAccess access;

  AssessmentDownloadsController(
      Assessments assessments,
      AssessmentEntries entries,
      AssessmentExports exports,
      StoredFiles files,
      StaffAccess access) {
    this.assessments = assessments;
    this.entries = entries;
    this.exports = exports;
    this.files = files;
    this.access = access;
  }

  @GetMapping("/{year:\\d+}.xlsx")
  ResponseEntity<byte[]> workbook(@PathVariable int year, Locale locale) {
    Assessments.Standing standing = assessments.standing(year, access.current());
    return download(exports.workbook(standing, locale), XLSX, "assessment-" + year + ".xlsx");
  }

  @GetMapping("/{year:\\d+}/agencies/{code}.docx")
  ResponseEntity<byte[]> report(@PathVariable int year, @PathVariable String code, Locale locale) {
    Staff me = access.current();
    Assessments.Standing standing = assessments.standing(year, me);
    Scoring.AgencyResult result =
        standing.results().stream()
            .filter(r -> r.agency().equals(code))
            .findFirst()
            .orElseThrow(() -> Refusal.notFound("assessment.agency.not-assessed", code));
    var objections =
        standing.objections().stream().filter(o -> o.agencyId() == result.agencyId()).toList();
    return download(
        exports.report(standing, result, objections, locale),
        DOCX,
        "assessment-" + year + "-" + code + ".docx");
  }

  @GetMapping("/{year:\\d+}/agencies/{code}/files/{indicator}")
  ResponseEntity<byte[]> file(
      @PathVariable int year, @PathVariable String code, @PathVariable String indicator) {
    AssessmentRepository.StoredEntry entry =
        entries.entryFile(year, code, indicator, access.current());
    byte[] content =
        files
            .read(AssessmentEntries.FILES, entry.fileSha256())
            .orElseThrow(() -> Refusal.notFound("assessment.entry.not-found"));
    return download(content, MediaType.parseMediaType(entry.fileType()), entry.entry().fileName());
  }

  private static ResponseEntity<byte[]> download(byte[] content, MediaType type, String name) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(content);
  }
}
