package org.gongkai.catalog.internal;

import org.gongkai.account.StaffAccess;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/** The whole catalog as JSON Lines with its files, streamed for the platform admin. */
@RestController
class CatalogExportApi {

  private final CatalogExport export;
  private final StaffAccess access;

  CatalogExportApi(CatalogExport export, StaffAccess access) {
    this.export = export;
    this.access = access;
  }

  @GetMapping("/api/v1/admin/exports/catalog")
  ResponseEntity<StreamingResponseBody> catalog() {
    export.authorize(access.current());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename("gongkai-catalog.zip").build().toString())
        .body(export::write);
  }
}
