package org.gongkai.webarchive.internal;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.gongkai.account.StaffAccess;
import org.springframework.core.io.InputStreamResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform admin archives a site's year as WARC files, follows it and downloads the files. */
@RestController
@RequestMapping("/api/v1/admin/web-archives")
class WebArchiveApi {

  static final String BASE = "/api/v1/admin/web-archives";

  /** What to archive: a site and a year. */
  record StartRequest(Long site, Integer year) {}

  record Started(long id) {}

  /** An archive as the API tells it. */
  record ArchiveView(
      long id,
      long site,
      String siteName,
      Integer year,
      String state,
      String requestedBy,
      Instant requestedAt,
      Instant startedAt,
      Instant finishedAt,
      int attempts,
      WebArchiveRepository.Counts counts,
      List<String> errors,
      List<FileView> files) {

    static ArchiveView of(WebArchives.View view) {
      WebArchiveRepository.Archive a = view.archive();
      return new ArchiveView(
          a.id(),
          a.siteId(),
          view.siteName(),
          a.year(),
          a.state().name(),
          a.requestedBy(),
          a.requestedAt(),
          a.startedAt(),
          a.finishedAt(),
          a.attempts(),
          a.counts(),
          a.errors().isEmpty() ? List.of() : Arrays.asList(a.errors().split("\n")),
          view.files().stream()
              .map(
                  f ->
                      new FileView(
                          f.name(),
                          f.mediaType(),
                          f.size(),
                          f.sha256(),
                          BASE + "/" + a.id() + "/files/" + f.name()))
              .toList());
    }
  }

  record FileView(String name, String mediaType, long size, String sha256, String href) {}

  private final WebArchives archives;
  private final StaffAccess access;

  WebArchiveApi(WebArchives archives, StaffAccess access) {
    this.archives = archives;
    this.access = access;
  }

  @PostMapping
  ResponseEntity<Started> start(@RequestBody StartRequest request) {
    long id = archives.start(access.current(), request.site(), request.year());
    return ResponseEntity.accepted().location(URI.create(BASE + "/" + id)).body(new Started(id));
  }

  @GetMapping
  List<ArchiveView> list() {
    return archives.latest(access.current()).stream().map(ArchiveView::of).toList();
  }

  @GetMapping("/{id}")
  ArchiveView get(@PathVariable long id) {
    return ArchiveView.of(archives.get(access.current(), id));
  }

  @GetMapping("/{id}/files/{name:.+}")
  ResponseEntity<Resource> download(@PathVariable long id, @PathVariable String name) {
    WebArchives.Download download = archives.open(access.current(), id, name);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(download.file().mediaType()))
        .contentLength(download.file().size())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(name).build().toString())
        .header(HttpHeaders.ETAG, "\"" + download.file().sha256() + "\"")
        .body(new InputStreamResource(download.content()));
  }
}
