package org.gongkai.backup.internal;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.gongkai.account.StaffAccess;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform admin writes a backup now, lists them and downloads one. */
@RestController
@RequestMapping("/api/v1/admin/backups")
class BackupApi {

  private final Backups backups;
  private final StaffAccess access;

  BackupApi(Backups backups, StaffAccess access) {
    this.backups = backups;
    this.access = access;
  }

  @PostMapping
  ResponseEntity<Backups.BackupFile> create() {
    Backups.BackupFile created = backups.create(access.current());
    return ResponseEntity.created(URI.create("/api/v1/admin/backups/" + created.name()))
        .body(created);
  }

  @GetMapping
  List<Backups.BackupFile> list() {
    return backups.list(access.current());
  }

  @GetMapping("/{name}")
  ResponseEntity<Resource> download(@PathVariable String name) {
    Path file = backups.file(name, access.current());
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/zip"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .body(new FileSystemResource(file));
  }
}
