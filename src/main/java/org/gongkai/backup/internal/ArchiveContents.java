package org.gongkai.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup holds: every table but those {@link #LEFT_OUT}, read in one snapshot transaction
 * while the platform keeps working, then the stored files of the data folder but for the folders
 * that are {@link #NOT_CONTENT}; a restore accepts nothing else.
 */
final class ArchiveContents {

  /**
   * Folders of the data directory that are not content: the database itself, the derived index,
   * backups.
   */
  static final List<String> NOT_CONTENT = List.of("db", "index", Backups.FOLDER, "logs");

  /**
   * Tables a backup leaves out: live sessions (a stolen backup would log its thief in), the login
   * throttle's failures and spent challenges, all of which mean nothing once restored.
   */
  static final Set<String> LEFT_OUT =
      Set.of("spring_session", "spring_session_attributes", "login_failure", "challenge_use");

  /** H2's own level in which every table is read from one snapshot. */
  private static final int H2_SNAPSHOT = 6;

  private ArchiveContents() {}

  /** Writes every table of the database into the archive; the database's product name. */
  static String writeDatabase(DataSource dataSource, Archive.Writer archive, JsonMapper json)
      throws SQLException, IOException {
    try (Connection connection = dataSource.getConnection()) {
      boolean postgres =
          connection
              .getMetaData()
              .getDatabaseProductName()
              .toLowerCase(Locale.ROOT)
              .contains("postgres");
      int isolation = connection.getTransactionIsolation();
      connection.setAutoCommit(false);
      if (postgres) {
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
      } else {
        connection.setTransactionIsolation(H2_SNAPSHOT);
      }
      try {
        for (Tables.Table table : Tables.of(connection)) {
          if (LEFT_OUT.contains(table.name())) {
            continue;
          }
          archive.put(
              Archive.DB + table.name() + ".jsonl",
              out -> {
                try {
                  return TableRows.write(connection, table, out, json);
                } catch (SQLException e) {
                  throw new IOException(e);
                }
              },
              rows -> rows);
        }
      } finally {
        connection.rollback();
        connection.setReadOnly(false);
        connection.setTransactionIsolation(isolation);
        connection.setAutoCommit(true);
      }
      return connection.getMetaData().getDatabaseProductName();
    }
  }

  /** Writes the stored files of the data folder {@code root} into the archive, in path order. */
  static void writeFiles(Path root, Archive.Writer archive) throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> top = Files.list(root)) {
      for (Path area : top.filter(Files::isDirectory).toList()) {
        String name = area.getFileName().toString();
        if (NOT_CONTENT.contains(name) || name.startsWith(".")) {
          continue;
        }
        try (Stream<Path> walk = Files.walk(area)) {
          walk.filter(Files::isRegularFile)
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .forEach(files::add);
        }
      }
    }
    files.sort(null);
    for (Path file : files) {
      try (InputStream in = Files.newInputStream(file)) {
        archive.putFile(Archive.FILES + root.relativize(file).toString().replace('\\', '/'), in);
      }
    }
  }

  /**
   * Every entry of the archive is the manifest, the settings, a table the backup writes or a file
   * of a content area: nothing may land in the database folder, the index, the backups or beside
   * the data folder ({@code dataDir}, absolute and normalised), and no table left out of backups
   * (sessions) is loaded.
   */
  static void requireContentOnly(Archive.Manifest manifest, Path dataDir) throws Archive.Refused {
    for (Archive.Entry entry : manifest.entries()) {
      String path = entry.path();
      if (path.equals(Archive.SETTINGS)) {
        continue;
      }
      if (path.startsWith(Archive.DB)) {
        String table = path.substring(Archive.DB.length());
        if (!table.endsWith(".jsonl")
            || table.contains("/")
            || LEFT_OUT.contains(table.substring(0, table.length() - 6))) {
          throw new Archive.Refused("backup.restore.outside-content", path);
        }
        continue;
      }
      if (path.startsWith(Archive.FILES)) {
        String relative = path.substring(Archive.FILES.length());
        int slash = relative.indexOf('/');
        String area = slash < 0 ? "" : relative.substring(0, slash);
        Path target = dataDir.resolve(relative).normalize();
        if (area.isEmpty()
            || area.startsWith(".")
            || NOT_CONTENT.contains(area)
            || relative.contains("\\")
            || !target.startsWith(dataDir.resolve(area))) {
          throw new Archive.Refused("backup.restore.outside-content", path);
        }
        continue;
      }
      throw new Archive.Refused("backup.restore.outside-content", path);
    }
  }
}
