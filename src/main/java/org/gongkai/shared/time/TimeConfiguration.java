package org.gongkai.shared.time;

import java.time.Clock;
import org.gongkai.shared.PlatformProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Statutory dates are days in the platform's zone, not the server's: a server running in UTC must
 * not count a publication at 07:30 Beijing time as the day before.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock(PlatformProperties platform) {
    return Clock.system(platform.timeZone());
  }
}
