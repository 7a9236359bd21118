package org.gongkai.shared.aot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

class BeanChoosingSettingsTests {

  @TempDir Path built;

  @Test
  void aStartWithTheBuildsSettingsPasses() throws Exception {
    record(new MockEnvironment());

    AheadOfTimeStartCheck.check(
        new MockEnvironment().withProperty("gongkai.jobs.enabled", "TRUE"), loader());
  }

  @Test
  void aSettingThatChoosesOtherBeansStopsTheStartNamingItWithBothValues() throws Exception {
    record(new MockEnvironment());
    MockEnvironment here =
        new MockEnvironment()
            .withProperty("management.server.port", "8081")
            .withProperty("gongkai.cluster.sessions", "database");

    assertThatThrownBy(() -> AheadOfTimeStartCheck.check(here, loader()))
        .isInstanceOfSatisfying(
            SettingsChooseOtherBeans.class,
            e ->
                assertThat(e.differences())
                    .containsExactly(
                        new BeanChoosingSettings.Difference(
                            "gongkai.cluster.sessions", "memory", "database"),
                        new BeanChoosingSettings.Difference("management.server.port", "", "8081")))
        .hasMessageContaining("management.server.port (\"8081\" here, unset in the build)");
  }

  @Test
  void aBuildWithAnActuatorPortRecordedRefusesAStartWithout() throws Exception {
    record(new MockEnvironment().withProperty("management.server.port", "8081"));

    assertThatThrownBy(() -> AheadOfTimeStartCheck.check(new MockEnvironment(), loader()))
        .hasMessageContaining("management.server.port (unset here, \"8081\" in the build)");
  }

  @Test
  void aJarBuiltWithoutTheRecordIsLeftToSpringsOwnRefusal() {
    AheadOfTimeStartCheck.check(
        new MockEnvironment().withProperty("management.server.port", "8081"), loader());
  }

  @Test
  void theReportTellsTheOperatorToStartThePlainWay() {
    SettingsChooseOtherBeans refusal =
        new SettingsChooseOtherBeans(
            List.of(new BeanChoosingSettings.Difference("gongkai.jobs.enabled", "true", "false")));

    FailureAnalysis analysis = new SettingsChooseOtherBeansFailureAnalyzer().analyze(refusal);

    assertThat(analysis.getDescription())
        .contains("gongkai.jobs.enabled (\"false\" here, \"true\" in the build)");
    assertThat(analysis.getAction()).contains("Start without -Dspring.aot.enabled=true");
  }

  /** A new condition on a setting is caught here, not by an operator whose node lacks a bean. */
  @Test
  void everyConditionOnASettingInThePlatformIsAmongTheRecordedOnes() throws Exception {
    List<String> conditioned = new ArrayList<>();
    ClassPathScanningCandidateComponentProvider scanner =
        new ClassPathScanningCandidateComponentProvider(false);
    scanner.addIncludeFilter((reader, factory) -> true);
    for (BeanDefinition candidate : scanner.findCandidateComponents("org.gongkai")) {
      Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
      conditioned.addAll(settingsNamedBy(MergedAnnotations.from(type)));
      ReflectionUtils.doWithLocalMethods(
          type, method -> conditioned.addAll(settingsNamedBy(MergedAnnotations.from(method))));
    }

    assertThat(conditioned)
        .as("settings in @ConditionalOnProperty and @ConditionalOnBooleanProperty")
        .isNotEmpty()
        .allSatisfy(name -> assertThat(BeanChoosingSettings.DEFAULTS).containsKey(name));
  }

  private static List<String> settingsNamedBy(MergedAnnotations annotations) {
    List<String> names = new ArrayList<>();
    for (Class<? extends Annotation> type :
        List.of(ConditionalOnProperty.class, ConditionalOnBooleanProperty.class)) {
      annotations.stream(type)
          .forEach(
              condition -> {
                String prefix = condition.getString("prefix");
                String[] named = condition.getStringArray("name");
                if (named.length == 0) {
                  named = condition.getStringArray("value");
                }
                for (String name : named) {
                  names.add(prefix.isEmpty() ? name : prefix + "." + name);
                }
              });
    }
    return names;
  }

  private void record(MockEnvironment build) throws Exception {
    Path file = built.resolve(BeanChoosingSettings.RESOURCE);
    Files.createDirectories(file.getParent());
    Files.writeString(file, BeanChoosingSettings.of(build).asProperties());
  }

  private ClassLoader loader() {
    try {
      return new URLClassLoader(new URL[] {built.toUri().toURL()}, null);
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
