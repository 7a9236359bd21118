package org.gongkai.portal.internal;

import org.gongkai.account.StaffAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform admin exports the public site as files and follows the export's progress. */
@RestController
@RequestMapping("/api/v1/admin/static-export")
class StaticExportApi {

  private final StaticExport export;
  private final StaffAccess access;

  StaticExportApi(StaticExport export, StaffAccess access) {
    this.export = export;
    this.access = access;
  }

  @PostMapping
  ResponseEntity<StaticExport.Status> start() {
    return ResponseEntity.accepted()
        .header("Location", "/api/v1/admin/static-export")
        .body(export.start(access.current()));
  }

  @GetMapping
  StaticExport.Status status() {
    return export.status(access.current());
  }
}
