package org.gongkai.account;

import java.util.List;
import java.util.Optional;

/** Staff accounts: created, changed and disabled by administrators, never deleted. */
public interface Accounts {

  List<Staff> list(Staff viewer);

  Optional<Staff> find(long id);

  Optional<Staff> findByUsername(String username);

  Staff create(AccountForm form, Staff actor);

  Staff update(long id, AccountForm form, Staff actor);

  boolean anyPlatformAdmin();

  /** Where reminders for this member of staff are mailed, if they gave an address. */
  Optional<String> emailOf(long id);

  /** For the first start and the demo: creates an account without an acting administrator. */
  Staff bootstrap(
      String username, String displayName, Role role, Long agencyId, String rawPassword);
}
