package org.gongkai.search.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far the index is behind the catalog: publications and withdrawals whose indexing has not
 * completed yet ({@code gongkai.search.index.lag}); above zero for long means the indexer is stuck.
 */
@Component
class IndexLag implements MeterBinder {

  private final JdbcClient jdbc;

  IndexLag(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long outstanding() {
    return jdbc.sql(
            "SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL AND listener_id LIKE ?")
        .param(SearchIndexer.class.getName() + "%")
        .query(Long.class)
        .single();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Gauge.builder("gongkai.search.index.lag", this, IndexLag::outstanding)
        .description("catalog changes not yet in the search index")
        .register(registry);
  }
}
