package org.gongkai.shared;

import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.bind.DataObjectPropertyName;
import org.springframework.boot.context.properties.bind.validation.BindValidationException;
import org.springframework.boot.context.properties.bind.validation.ValidationErrors;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.validation.FieldError;
import org.springframework.validation.ObjectError;

/**
 * Tells the operator which setting to correct when a value breaks its record's rules, by the name
 * it is written with ({@code gongkai.monitor.veto.empty-columns}). Spring Boot's own report names
 * the record's field instead ({@code veto.emptyColumns}), and for a nested record not where the
 * value came from.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class SettingsFailureAnalyzer
    extends AbstractFailureAnalyzer<BindValidationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, BindValidationException cause) {
    ValidationErrors errors = cause.getValidationErrors();
    String problems =
        errors.getAllErrors().stream()
            .map(error -> describe(errors, error))
            .collect(Collectors.joining("\n"));
    return new FailureAnalysis(
        "A setting has a value that cannot work:\n\n" + problems,
        "Correct the setting (in application.yml, an environment variable or the command line)"
            + " and start again.",
        cause);
  }

  private static String describe(ValidationErrors errors, ObjectError error) {
    if (!(error instanceof FieldError field)) {
      return "    Setting: "
          + errors.getName()
          + "\n    Reason: "
          + error.getDefaultMessage()
          + "\n";
    }
    ConfigurationPropertyName name = name(errors.getName(), field.getField());
    StringBuilder text = new StringBuilder("    Setting: ").append(name);
    text.append("\n    Value: \"").append(field.getRejectedValue()).append('"');
    errors.getBoundProperties().stream()
        .filter(p -> p.getName().equals(name))
        .map(ConfigurationProperty::getOrigin)
        .filter(origin -> origin != null)
        .findFirst()
        .ifPresent(origin -> text.append("\n    Origin: ").append(origin));
    return text.append("\n    Reason: ").append(field.getDefaultMessage()).append('\n').toString();
  }

  /** The record's field path ({@code veto.emptyColumns}) as the setting's own name. */
  static ConfigurationPropertyName name(ConfigurationPropertyName prefix, String fieldPath) {
    String dashed =
        Stream.of(fieldPath.split("\\."))
            .map(DataObjectPropertyName::toDashedForm)
            .collect(Collectors.joining("."));
    return ConfigurationPropertyName.adapt(prefix + "." + dashed, '.');
  }
}
