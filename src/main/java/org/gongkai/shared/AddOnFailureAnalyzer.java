package org.gongkai.shared;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells the operator which add-on folder a setting needs, in Spring Boot's start-up report. */
public final class AddOnFailureAnalyzer extends AbstractFailureAnalyzer<AddOn.Missing> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, AddOn.Missing cause) {
    AddOn addOn = cause.addOn();
    return new FailureAnalysis(
        addOn.setting()
            + " needs the "
            + addOn.title()
            + " add-on, which is not on the class path.",
        "Put the folder "
            + addOn.folder()
            + " (target/"
            + addOn.folder()
            + " of the build) beside the jar and start it with -Dloader.path="
            + addOn.folder()
            + " (the extracted jar: java -cp gongkai.jar:"
            + addOn.folder()
            + "/* org.gongkai.GongkaiApplication), or choose another setting.",
        cause);
  }
}
