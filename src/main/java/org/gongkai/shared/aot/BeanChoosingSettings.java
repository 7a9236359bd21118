package org.gongkai.shared.aot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.env.PropertyResolver;

/**
 * The settings that decide, through a condition, which beans exist. A start with {@code
 * -Dspring.aot.enabled=true} creates the beans the build's ahead-of-time processing chose and
 * evaluates no condition again, so the build records their values and such a start compares them
 * with its own: a node whose setting chose other beans must start the plain way, not silently
 * without them (no shared sessions, no jobs, no actuator port). Settings chosen in a bean method
 * (the search engine, the file store, mail) are read at every start and are not listed.
 */
final class BeanChoosingSettings {

  /** Where the build writes the values its processing saw, beside the generated classes. */
  static final String RESOURCE = "META-INF/gongkai/bean-choosing-settings.properties";

  /** Each setting with the value it has when nothing sets it. */
  static final Map<String, String> DEFAULTS = defaults();

  private static Map<String, String> defaults() {
    Map<String, String> defaults = new LinkedHashMap<>();
    // The platform's own conditions (BeanChoosingSettingsTests finds every one in the code).
    defaults.put("gongkai.cluster.sessions", "memory");
    defaults.put("gongkai.jobs.enabled", "true");
    // Spring Boot's condition on a setting the README documents: the actuator on a port of its
    // own (a second web server). Mail is made at start (org.gongkai.shared.mail).
    defaults.put("management.server.port", "");
    return defaults;
  }

  private final Map<String, String> values;

  private BeanChoosingSettings(Map<String, String> values) {
    this.values = values;
  }

  /** The values as this process resolves them, normalised so that {@code TRUE} equals true. */
  static BeanChoosingSettings of(PropertyResolver settings) {
    Map<String, String> values = new LinkedHashMap<>();
    DEFAULTS.forEach(
        (name, otherwise) ->
            values.put(
                name, settings.getProperty(name, otherwise).trim().toLowerCase(Locale.ROOT)));
    return new BeanChoosingSettings(values);
  }

  /** The values the build recorded, or null when the jar was built without them. */
  static BeanChoosingSettings recorded(ClassLoader loader) {
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        return null;
      }
      Properties properties = new Properties();
      properties.load(in);
      Map<String, String> values = new LinkedHashMap<>();
      DEFAULTS.forEach((name, otherwise) -> values.put(name, properties.getProperty(name, null)));
      return new BeanChoosingSettings(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The settings whose value here differs from the recorded one, each with both values. */
  List<Difference> differencesFrom(BeanChoosingSettings recorded) {
    List<Difference> differences = new ArrayList<>();
    values.forEach(
        (name, value) -> {
          String built = recorded.values.get(name);
          if (!value.equals(built)) {
            differences.add(new Difference(name, built, value));
          }
        });
    return differences;
  }

  /** Written by hand, without the date {@link Properties#store} adds, so that builds agree. */
  String asProperties() {
    StringBuilder text = new StringBuilder();
    values.forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
    return text.toString();
  }

  /** One setting that chose other beans in the build than it would choose here. */
  record Difference(String setting, String built, String here) {}
}
