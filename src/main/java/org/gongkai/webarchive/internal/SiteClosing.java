package org.gongkai.webarchive.internal;

import org.gongkai.account.Accounts;
import org.gongkai.account.Role;
import org.gongkai.account.Staff;
import org.gongkai.site.Sites;
import org.springframework.stereotype.Component;

/**
 * Closes a site once its archive is written, in the name of the administrator who asked (the audit
 * record of the closing names them), or of the platform when that account is gone.
 */
@Component
class SiteClosing {

  private final Sites sites;
  private final Accounts accounts;

  SiteClosing(Sites sites, Accounts accounts) {
    this.sites = sites;
    this.accounts = accounts;
  }

  void close(WebArchiveRepository.Archive archive) {
    Staff actor =
        accounts
            .findByUsername(archive.requestedBy())
            .filter(s -> s.role() == Role.PLATFORM_ADMIN)
            .orElseGet(
                () -> new Staff(0, "system", "system", Role.PLATFORM_ADMIN, null, true, false));
    sites.close(archive.siteId(), actor);
  }
}
