package org.gongkai.shared.durability;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses how commits are made durable for the configured database. PostgreSQL already forces its
 * write-ahead log at commit (with {@code synchronous_commit} on, its default); an embedded H2 file
 * database gets {@link DurableCommitDataSource}.
 */
final class DurableCommits {

  private static final Logger log = LoggerFactory.getLogger(DurableCommits.class);

  private DurableCommits() {}

  static boolean isEmbeddedH2File(String url) {
    return url != null
        && url.startsWith("jdbc:h2:")
        && !url.startsWith("jdbc:h2:mem:")
        && !url.startsWith("jdbc:h2:tcp:")
        && !url.startsWith("jdbc:h2:ssl:");
  }

  static DataSource durable(HikariDataSource hikari, GroupSync sync) {
    log.info("H2 commits are forced to disk before they return (group commit)");
    return new DurableCommitDataSource(hikari, sync, new CheckpointSync(hikari));
  }

  /**
   * Forces H2's store to disk through a connection of its own, so that a force never waits for a
   * free connection in the pool.
   */
  private static final class CheckpointSync implements GroupSync.Force {

    private final HikariDataSource pool;
    private Connection connection;

    CheckpointSync(HikariDataSource pool) {
      this.pool = pool;
    }

    @Override
    public synchronized void run() throws SQLException {
      try {
        execute();
      } catch (SQLException first) {
        close();
        execute();
      }
    }

    private void execute() throws SQLException {
      if (connection == null || connection.isClosed()) {
        connection =
            DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
        connection.setAutoCommit(true);
      }
      try (Statement statement = connection.createStatement()) {
        statement.execute("CHECKPOINT SYNC");
      }
    }

    private void close() {
      try {
        if (connection != null) {
          connection.close();
        }
      } catch (SQLException ignored) {
        // replaced by a fresh connection on the next force
      }
      connection = null;
    }
  }
}
