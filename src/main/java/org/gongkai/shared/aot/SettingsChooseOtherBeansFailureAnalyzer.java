package org.gongkai.shared.aot;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator which settings keep a node from starting ahead of time, and what to do. */
public final class SettingsChooseOtherBeansFailureAnalyzer
    extends AbstractFailureAnalyzer<SettingsChooseOtherBeans> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, SettingsChooseOtherBeans cause) {
    return new FailureAnalysis(
        "The platform was started ahead of time (-Dspring.aot.enabled=true), which creates the"
            + " beans the build chose and reads no condition again, but these settings choose"
            + " other beans: "
            + SettingsChooseOtherBeans.describe(cause.differences())
            + ".",
        "Start without -Dspring.aot.enabled=true (every setting is then read as usual), or with"
            + " the build's values for these settings.",
        cause);
  }
}
