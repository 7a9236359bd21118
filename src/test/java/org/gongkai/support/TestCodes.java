package org.gongkai.support;

import java.util.concurrent.ThreadLocalRandom;
import org.gongkai.shared.ids.OrganizationCodes;

/** Valid, distinct agency codes for tests that share one database. */
public final class TestCodes {

  private TestCodes() {}

  public static String agencyCode() {
    String org = String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    String orgCode = org + OrganizationCodes.organizationCheckCharacter(org);
    return OrganizationCodes.completeCreditCode(
        "11" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)) + orgCode);
  }
}
