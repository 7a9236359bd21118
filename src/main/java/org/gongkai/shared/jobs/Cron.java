package org.gongkai.shared.jobs;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.scheduling.support.CronExpression;

/**
 * A six-field cron expression (second, minute, hour, day of month, month, day of week), as a {@link
 * ClusterJob} takes it; null is not one.
 */
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = Cron.Validator.class)
public @interface Cron {

  String message() default
      "must be a six-field cron expression (second minute hour day month weekday)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Checks the expression the way Spring's scheduling reads it. */
  class Validator implements ConstraintValidator<Cron, String> {

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value != null && CronExpression.isValidExpression(value);
    }
  }
}
