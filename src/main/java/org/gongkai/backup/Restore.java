package org.gongkai.backup;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.gongkai.backup.internal.Restorer;
import org.gongkai.shared.PlatformProperties;
import org.gongkai.shared.privacy.ArchiveCipher;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * {@code java -jar gongkai.jar restore FILE [--gongkai.data-dir=…]}: restores a backup archive with
 * the same database and data-folder settings the server uses (options, environment,
 * application.yml), without starting the server.
 */
public final class Restore {

  private Restore() {}

  /** Runs the command and returns its exit code: 0 restored, 2 refused, 1 failed. */
  public static int run(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    Restorer.Messages messages = messages();
    List<String> options = new ArrayList<>();
    String file = null;
    for (String arg : args) {
      if (arg.startsWith("--")) {
        options.add(arg);
      } else if (file == null) {
        file = arg;
      }
    }
    if (file == null) {
      out.println(messages.get("backup.restore.usage"));
      return 2;
    }
    try (ConfigurableApplicationContext context =
        new SpringApplicationBuilder(Connection.class)
            .web(WebApplicationType.NONE)
            .bannerMode(Banner.Mode.OFF)
            .logStartupInfo(false)
            .properties(
                "logging.level.root=WARN",
                "logging.level.com.zaxxer=WARN",
                "logging.level.org.flywaydb=WARN")
            .run(options.toArray(String[]::new))) {
      var env = context.getEnvironment();
      Path dataDir = Binder.get(env).bindOrCreate("gongkai", PlatformProperties.class).dataDir();
      List<String> locations =
          Arrays.stream(
                  env.getProperty(
                          "spring.flyway.locations",
                          "classpath:db/migration/common,classpath:db/migration/{vendor}")
                      .split(","))
              .map(String::trim)
              .toList();
      // The archive opens under the personal-data keys, from the same settings as the server's.
      ArchiveCipher keys =
          ArchiveCipher.fromSettings(
              env.getProperty("gongkai.privacy.keys", ""),
              env.getProperty(
                  "gongkai.privacy.key-file",
                  System.getProperty("user.home") + "/.gongkai/privacy.keys"),
              dataDir.toString());
      boolean acceptUnencrypted =
          Boolean.parseBoolean(env.getProperty("gongkai.backup.accept-unencrypted", "false"));
      return new Restorer(
              context.getBean(DataSource.class),
              dataDir,
              locations,
              out,
              messages,
              keys,
              acceptUnencrypted)
          .restore(Path.of(file));
    }
  }

  private static Restorer.Messages messages() {
    ResourceBundleMessageSource source = new ResourceBundleMessageSource();
    source.setBasename("messages");
    source.setDefaultEncoding("UTF-8");
    source.setFallbackToSystemLocale(false);
    Locale locale =
        Locale.getDefault().getLanguage().equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    return (key, arguments) -> source.getMessage(key, arguments, key, locale);
  }

  /** Only the data source: no web server, no jobs, no demo. */
  @ImportAutoConfiguration(DataSourceAutoConfiguration.class)
  static final class Connection {}
}
