package org.gongkai.shared.durability;

import java.sql.DatabaseMetaData;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.stereotype.Component;

/**
 * PostgreSQL keeps a commit only if the server forces its log: with {@code fsync} or {@code
 * synchronous_commit} switched off, a crash loses acknowledged submissions. Says so loudly.
 */
@Component
class PostgresDurabilityCheck {

  private static final Logger log = LoggerFactory.getLogger(PostgresDurabilityCheck.class);

  private final DataSource dataSource;

  PostgresDurabilityCheck(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationReadyEvent.class)
  void check() {
    String product;
    try {
      product =
          JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
    } catch (MetaDataAccessException e) {
      return;
    }
    if (product == null || !product.toLowerCase(Locale.ROOT).contains("postgres")) {
      return;
    }
    JdbcClient jdbc = JdbcClient.create(dataSource);
    for (String setting : new String[] {"fsync", "synchronous_commit"}) {
      String value =
          jdbc.sql("SELECT current_setting('" + setting + "')").query(String.class).single();
      if ("off".equalsIgnoreCase(value)) {
        log.warn(
            "PostgreSQL runs with {} = off: acknowledged submissions can be lost in a crash",
            setting);
      }
    }
  }
}
