package org.gongkai.imports.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /api/v1/admin/imports} starts a crawl of an old site (202 with its id); {@code GET
 * /api/v1/admin/imports/{id}} its state, counts, progress and refusals (paged); {@code
 * .../report.csv} every address and row with its outcome; {@code .../cancel} stops it. The platform
 * administrator, or the agency's administrator.
 */
@RestController
class ImportAdminApi {

  private final Imports imports;
  private final FileImports fileImports;
  private final ImportViews views;
  private final StaffAccess access;
  private final JsonMapper json;

  ImportAdminApi(
      Imports imports,
      FileImports fileImports,
      ImportViews views,
      StaffAccess access,
      JsonMapper json) {
    this.imports = imports;
    this.fileImports = fileImports;
    this.views = views;
    this.access = access;
    this.json = json;
  }

  record Started(long id) {}

  @PostMapping(path = "/api/v1/admin/imports", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Started> start(@RequestBody Imports.Start start) {
    long id = imports.startCrawl(start, access.current());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/admin/imports/" + id))
        .body(new Started(id));
  }

  /**
   * The file variant, {@code POST /api/v1/admin/imports/file}: {@code file} (CSV, XLSX, or the JSON
   * Lines of our catalog export) and {@code mapping}, JSON: {@code agency}, {@code dryRun}, {@code
   * columnMapping}, and {@code fields} (field to the header cell that holds it); a form field
   * {@code agency} stands in for a mapping that names none.
   */
  @PostMapping(path = "/api/v1/admin/imports/file", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  ResponseEntity<Started> startFile(
      @RequestParam(name = "file", required = false) MultipartFile file,
      @RequestParam(name = "mapping", required = false) String mapping,
      @RequestParam(name = "agency", required = false) String agency)
      throws IOException {
    FileImports.FileMapping read;
    try {
      read =
          mapping == null
              ? new FileImports.FileMapping(agency, true, null, null, null, null)
              : json.readValue(mapping, FileImports.FileMapping.class);
    } catch (JacksonException e) {
      throw Refusal.invalidField("mapping", "import.mapping.unreadable");
    }
    if (read.agency() == null && agency != null) {
      read =
          new FileImports.FileMapping(
              agency,
              read.dryRun(),
              read.columnMapping(),
              read.fields(),
              read.rateLimitPerSecond(),
              read.maxDocuments());
    }
    // Whose import it is, before anything of the file is looked at.
    imports.agencyId(read.agency(), access.current());
    if (file == null || file.isEmpty()) {
      throw Refusal.invalidField("file", "import.file.empty");
    }
    long id =
        fileImports.start(file.getOriginalFilename(), file.getBytes(), read, access.current());
    return ResponseEntity.status(HttpStatus.ACCEPTED)
        .location(URI.create("/api/v1/admin/imports/" + id))
        .body(new Started(id));
  }

  @GetMapping("/api/v1/admin/imports")
  List<ImportViews.View> list(Locale locale) {
    return imports.list(access.current()).stream().map(j -> views.view(j, 0, locale)).toList();
  }

  @GetMapping("/api/v1/admin/imports/{id}")
  ImportViews.View get(
      @PathVariable long id,
      @RequestParam(name = "refusalsPage", defaultValue = "0") int refusalsPage,
      Locale locale) {
    return views.view(imports.get(id, access.current()), refusalsPage, locale);
  }

  @GetMapping("/api/v1/admin/imports/{id}/report.csv")
  ResponseEntity<byte[]> report(@PathVariable long id, Locale locale) {
    ImportJob job = imports.get(id, access.current());
    byte[] body = views.reportCsv(job, locale).getBytes(StandardCharsets.UTF_8);
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_TYPE, "text/csv;charset=UTF-8")
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"import-" + id + ".csv\"")
        .body(body);
  }

  @PostMapping("/api/v1/admin/imports/{id}/cancel")
  ResponseEntity<Void> cancel(@PathVariable long id) {
    imports.cancel(id, access.current());
    return ResponseEntity.noContent().build();
  }
}
