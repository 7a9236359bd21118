package org.gongkai.shared.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts what the public submitted and the platform acknowledged, by kind ({@code
 * gongkai.intake.submissions{kind=request|message|comment}}): the intake rate operators watch.
 */
@Component
public class IntakeMetrics {

  private final MeterRegistry registry;

  IntakeMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void accepted(String kind) {
    Counter.builder("gongkai.intake.submissions")
        .description("public submissions acknowledged")
        .tag("kind", kind)
        .register(registry)
        .increment();
  }
}
