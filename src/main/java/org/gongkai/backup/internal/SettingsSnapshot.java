package org.gongkai.backup.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * The platform's own settings in effect when a backup was written ({@code gongkai.*}, mail and
 * server), so that a restore can say what the old installation ran with. Secrets are left out.
 */
final class SettingsSnapshot {

  private static final Pattern SECRET = Pattern.compile("password|secret|key|token|credential");

  private SettingsSnapshot() {}

  static Map<String, String> of(Environment environment) {
    Map<String, String> settings = new TreeMap<>();
    if (environment instanceof ConfigurableEnvironment configurable) {
      for (PropertySource<?> source : configurable.getPropertySources()) {
        if (source instanceof EnumerablePropertySource<?> enumerable) {
          for (String name : enumerable.getPropertyNames()) {
            if (isPlatformSetting(name) && !settings.containsKey(name)) {
              String value = environment.getProperty(name);
              if (value != null) {
                settings.put(name, value);
              }
            }
          }
        }
      }
    }
    return settings;
  }

  static boolean isPlatformSetting(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return (lower.startsWith("gongkai.")
            || lower.startsWith("spring.mail.")
            || lower.startsWith("server."))
        && !SECRET.matcher(lower).find();
  }

  static void write(Map<String, String> settings, OutputStream out) throws IOException {
    StringBuilder text = new StringBuilder("# Settings in effect when the backup was written\n");
    settings.forEach(
        (k, v) ->
            text.append(k)
                .append('=')
                .append(v.replace("\\", "\\\\").replace("\n", "\\n"))
                .append('\n'));
    out.write(text.toString().getBytes(StandardCharsets.UTF_8));
  }
}
