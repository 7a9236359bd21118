package org.gongkai.imports.internal;

import java.util.List;
import org.gongkai.account.StaffAccess;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/admin/imports/old-links/missing}: the old addresses asked for on an imported
 * host that no imported document answers, most asked for first. The platform administrator's, as
 * the hosts are the platform's.
 */
@RestController
class OldLinkApi {

  static final int PAGE = 100;

  private final OldLinkRepository links;
  private final StaffAccess access;

  OldLinkApi(OldLinkRepository links, StaffAccess access) {
    this.links = links;
    this.access = access;
  }

  @GetMapping("/api/v1/admin/imports/old-links/missing")
  List<OldLinkRepository.Miss> missing(@RequestParam(defaultValue = "0") int page) {
    access.requirePlatformAdmin(access.current());
    return links.misses(Math.max(page, 0) * PAGE, PAGE);
  }
}
