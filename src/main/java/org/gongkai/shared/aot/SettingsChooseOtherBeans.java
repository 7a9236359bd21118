package org.gongkai.shared.aot;

import java.util.List;
import java.util.stream.Collectors;

/** A start ahead of time with a setting that would choose other beans than the build chose. */
final class SettingsChooseOtherBeans extends IllegalStateException {

  private final transient List<BeanChoosingSettings.Difference> differences;

  SettingsChooseOtherBeans(List<BeanChoosingSettings.Difference> differences) {
    super(
        "started with -Dspring.aot.enabled=true, but "
            + describe(differences)
            + " chose other beans in the build; start without -Dspring.aot.enabled=true");
    this.differences = List.copyOf(differences);
  }

  List<BeanChoosingSettings.Difference> differences() {
    return differences;
  }

  static String describe(List<BeanChoosingSettings.Difference> differences) {
    return differences.stream()
        .map(
            d ->
                d.setting()
                    + " ("
                    + shown(d.here())
                    + " here, "
                    + shown(d.built())
                    + " in the build)")
        .collect(Collectors.joining(", "));
  }

  private static String shown(String value) {
    return value == null || value.isEmpty() ? "unset" : '"' + value + '"';
  }
}
