package org.gongkai.foi.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Requests past their due date and not answered ({@code gongkai.foi.requests.overdue}), across the
 * platform.
 */
@Component
class FoiMeters implements MeterBinder {

  private final JdbcClient jdbc;
  private final Clock clock;

  FoiMeters(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The transition table's definition of overdue ({@link Step#OVERDUE_SQL}), as everywhere. */
  long overdue() {
    return jdbc.sql("SELECT COUNT(*) FROM foi_request WHERE " + Step.OVERDUE_SQL)
        .param("today", LocalDate.now(clock))
        .query(Long.class)
        .single();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("gongkai.foi.requests.overdue", this, FoiMeters::overdue)
        .description("requests past their due date without a reply")
        .register(registry);
  }
}
