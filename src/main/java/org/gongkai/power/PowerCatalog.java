package org.gongkai.power;

import java.time.LocalDate;
import org.gongkai.account.Staff;

/**
 * Entering powers from other modules (the demo content, integrations); checked and audited like the
 * console's form.
 */
public interface PowerCatalog {

  /** Adds the power, or a new version of it. */
  void record(String agencyCode, Entry entry, Staff actor);

  /**
   * Approves every version the agency has pending; {@code reviewer} must have entered none of them.
   */
  int approvePending(String agencyCode, Staff reviewer);

  record Entry(
      String code,
      String name,
      PowerType type,
      String legalBasis,
      String unit,
      String conditions,
      String materials,
      String timeLimit,
      String fees,
      String contact,
      String flow,
      LocalDate effectiveOn) {}
}
