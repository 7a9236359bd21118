package org.gongkai.support;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The platform's first start with the demo content, in a data folder of its own. The classes that
 * read the demo share this one application: its first start and the demo's year of records are the
 * costly part. They only read what the demo made.
 */
public abstract class DemoPlatformTests extends PlatformIntegrationTests {

  @DynamicPropertySource
  static void demo(DynamicPropertyRegistry registry) {
    registry.add("gongkai.demo", () -> "true");
  }
}
