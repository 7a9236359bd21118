package org.gongkai.webarchive.internal;

import java.net.URI;
import org.gongkai.account.StaffAccess;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The platform admin closes a site: its pages are archived whole first, then it is closed (its
 * record kept, its public pages answering 410). {@code confirm} repeats the site's host.
 */
@RestController
class SiteClosingApi {

  record CloseRequest(String confirm) {}

  record Closing(long archive) {}

  private final WebArchives archives;
  private final StaffAccess access;

  SiteClosingApi(WebArchives archives, StaffAccess access) {
    this.archives = archives;
    this.access = access;
  }

  @PostMapping("/api/v1/admin/sites/{id}/close")
  ResponseEntity<Closing> close(@PathVariable long id, @RequestBody CloseRequest request) {
    long archive = archives.close(access.current(), id, request.confirm());
    return ResponseEntity.accepted()
        .location(URI.create(WebArchiveApi.BASE + "/" + archive))
        .body(new Closing(archive));
  }
}
