package org.gongkai.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.gongkai.shared.PlatformProperties;
import org.gongkai.shared.cluster.ClusterProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Every gongkai.* setting is bound to a typed record when the platform starts: a value that does
 * not fit stops the start, and the operator is told which setting to correct.
 */
@ExtendWith(OutputCaptureExtension.class)
class SettingsValidationIntegrationTests {

  /** Only the settings' records, with the application's own configuration file. */
  @Configuration(proxyBeanMethods = false)
  @ConfigurationPropertiesScan("org.gongkai")
  static class AllSettings {}

  private static ConfigurableApplicationContext start(String... arguments) {
    SpringApplication application = new SpringApplication(AllSettings.class);
    application.setWebApplicationType(WebApplicationType.NONE);
    return application.run(arguments);
  }

  @Test
  void theShippedSettingsStart() {
    try (ConfigurableApplicationContext context = start()) {
      assertThat(context.getBean(PlatformProperties.class).timeZone().getId())
          .isEqualTo("Asia/Shanghai");
      assertThat(context.getBean(ClusterProperties.class).sessions())
          .isEqualTo(ClusterProperties.Sharing.MEMORY);
    }
  }

  @ParameterizedTest(name = "{0}={1}")
  @CsvSource(
      delimiter = '|',
      value = {
        // out of range, in a record and in a record within it
        "gongkai.monitor.news-days | 0",
        "gongkai.mailbox.reply-days.complaint | 0",
        // not a number, size, duration, zone or address
        "gongkai.login.max-failures | five",
        "gongkai.page-cache.max-size | lots",
        "gongkai.time-zone | Mars/Olympus",
        "gongkai.site.address | www.linjiang.gov.cn",
        // not one of the values the setting knows
        "gongkai.cluster.sessions | databse",
        "gongkai.security.second-factor.required-roles | ADMIN",
        // a schedule or a format that cannot work
        "gongkai.foi.reminder-cron | every morning",
        "gongkai.catalog.index-number-format | {code}-{seq:5}",
        // a setting that must be given
        "gongkai.site.name | ''"
      })
  void aBadValueStopsTheStartNamingTheSetting(String setting, String value, CapturedOutput output) {
    assertThatThrownBy(() -> start("--" + setting + "=" + value).close())
        .isInstanceOf(RuntimeException.class);
    assertThat(output).contains("APPLICATION FAILED TO START").contains(setting);
  }
}
