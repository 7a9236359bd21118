package org.gongkai.shared.aot;

import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.env.Environment;

/**
 * Runs in the build's ahead-of-time processing ({@code process-aot}) and writes down the value of
 * each bean-choosing setting that processing saw, for {@link AheadOfTimeStartCheck} to compare.
 */
class BeanChoosingSettingsRecorder implements BeanFactoryInitializationAotProcessor {

  @Override
  public BeanFactoryInitializationAotContribution processAheadOfTime(
      ConfigurableListableBeanFactory beanFactory) {
    String values = BeanChoosingSettings.of(beanFactory.getBean(Environment.class)).asProperties();
    return (generation, code) ->
        generation.getGeneratedFiles().addResourceFile(BeanChoosingSettings.RESOURCE, values);
  }
}
