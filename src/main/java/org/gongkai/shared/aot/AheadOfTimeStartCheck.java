package org.gongkai.shared.aot;

import java.util.List;
import org.springframework.aot.AotDetector;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertyResolver;

/**
 * Stops a start with {@code -Dspring.aot.enabled=true} before any bean is made when a setting would
 * choose other beans than the build chose, naming the setting (see {@link BeanChoosingSettings}).
 */
public class AheadOfTimeStartCheck
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    if (AotDetector.useGeneratedArtifacts()) {
      check(context.getEnvironment(), context.getClassLoader());
    }
  }

  static void check(PropertyResolver settings, ClassLoader classLoader) {
    BeanChoosingSettings recorded = BeanChoosingSettings.recorded(classLoader);
    if (recorded == null) {
      // Spring fails on its own a moment later: the generated initializer is missing too.
      return;
    }
    List<BeanChoosingSettings.Difference> differences =
        BeanChoosingSettings.of(settings).differencesFrom(recorded);
    if (!differences.isEmpty()) {
      throw new SettingsChooseOtherBeans(differences);
    }
  }
}
