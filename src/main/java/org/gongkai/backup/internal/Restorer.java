package org.gongkai.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.gongkai.shared.privacy.ArchiveCipher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a backup archive into an empty data folder and an empty database. Everything that can make
 * it refuse (a damaged archive, a newer schema, a target that is not empty) is checked before
 * anything is written. The schema is created by the migrations up to the archive's version, the
 * rows are loaded in one transaction, the files are written and forced, and the remaining
 * migrations bring an older archive up to date. The search index is not in the archive: the first
 * start finds it missing and builds it from the database.
 */
public final class Restorer {

  private final DataSource dataSource;
  private final Path dataDir;
  private final List<String> migrationLocations;
  private final PrintStream out;
  private final Messages messages;
  private final JsonMapper json = ArchiveJson.mapper();
  private final ArchiveCipher cipher;
  private final boolean acceptUnencrypted;

  /**
   * {@code acceptUnencrypted}: restore an archive written before backups were encrypted (the
   * operator says so with {@code --gongkai.backup.accept-unencrypted=true}); otherwise only an
   * archive that opens under the keys is restored.
   */
  public Restorer(
      DataSource dataSource,
      Path dataDir,
      List<String> migrationLocations,
      PrintStream out,
      Messages messages,
      ArchiveCipher cipher,
      boolean acceptUnencrypted) {
    this.cipher = cipher;
    this.acceptUnencrypted = acceptUnencrypted;
    this.dataSource = dataSource;
    this.dataDir = dataDir.toAbsolutePath().normalize();
    this.migrationLocations = migrationLocations;
    this.out = out;
    this.messages = messages;
  }

  /** Prints what it restored, or why it refused; the exit code to give. */
  public int restore(Path archive) {
    Path plain = null;
    try {
      plain = PlainArchives.opened(archive, cipher, acceptUnencrypted);
      return restorePlain(archive, plain);
    } catch (Archive.Refused refused) {
      out.println(messages.get(refused.key(), refused.arguments()));
      return 2;
    } catch (IOException e) {
      out.println(messages.get("backup.restore.failed", e.getMessage()));
      return 1;
    } finally {
      if (plain != null && !plain.equals(archive)) {
        try {
          Files.deleteIfExists(plain);
        } catch (IOException ignored) {
          // a temporary file the system cleans up
        }
      }
    }
  }

  private int restorePlain(Path archive, Path plain) throws IOException, Archive.Refused {
    try (ZipFile zip = Archive.openVerified(plain, json)) {
      Archive.Manifest manifest = Archive.manifest(zip, json);
      ArchiveContents.requireContentOnly(manifest, dataDir);
      requireEmptyFolder();
      String product;
      try (Connection c = dataSource.getConnection()) {
        product = c.getMetaData().getDatabaseProductName();
        if (!Tables.of(c).isEmpty() || hasFlywayHistory(c)) {
          throw new Archive.Refused("backup.restore.database-not-empty");
        }
      }
      boolean postgres = product.toLowerCase(Locale.ROOT).contains("postgres");
      Flyway flyway = flyway(postgres, null);
      MigrationVersion available = latestAvailable(flyway);
      MigrationVersion archived = MigrationVersion.fromVersion(manifest.schemaVersion());
      if (archived.compareTo(available) > 0) {
        throw new Archive.Refused(
            "backup.restore.newer-schema", manifest.schemaVersion(), available.getVersion());
      }
      out.println(
          messages.get(
              "backup.restore.archive",
              archive,
              manifest.createdAt(),
              manifest.platformVersion(),
              manifest.database(),
              manifest.schemaVersion()));

      flyway(postgres, archived).migrate();
      Map<String, Long> rows = loadRows(zip, postgres);
      int files = writeFiles(zip, manifest);
      writeSettings(zip);
      flyway(postgres, null).migrate();
      if (!postgres) {
        try (Connection c = dataSource.getConnection();
            Statement s = c.createStatement()) {
          s.execute("CHECKPOINT SYNC");
        }
      }
      long total = rows.values().stream().mapToLong(Long::longValue).sum();
      rows.forEach((table, n) -> out.println("  " + table + ": " + n));
      out.println(messages.get("backup.restore.done", total, rows.size(), files, dataDir));
      return 0;
    } catch (Archive.Refused refused) {
      out.println(messages.get(refused.key(), refused.arguments()));
      return 2;
    } catch (IOException | SQLException | RuntimeException e) {
      out.println(messages.get("backup.restore.failed", e.getMessage()));
      return 1;
    }
  }

  private void requireEmptyFolder() throws IOException, Archive.Refused {
    if (!Files.isDirectory(dataDir)) {
      return;
    }
    try (Stream<Path> entries = Files.list(dataDir)) {
      for (Path entry : entries.toList()) {
        String name = entry.getFileName().toString();
        if (name.startsWith(".")
            || name.equals("db")
            || name.equals(Backups.FOLDER)
            || name.equals("logs")) {
          continue;
        }
        if (!Files.isDirectory(entry) || hasFiles(entry)) {
          throw new Archive.Refused("backup.restore.folder-not-empty", dataDir);
        }
      }
    }
  }

  private static boolean hasFiles(Path folder) throws IOException {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.anyMatch(Files::isRegularFile);
    }
  }

  private static boolean hasFlywayHistory(Connection c) throws SQLException {
    try (var rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
      while (rs.next()) {
        if (rs.getString("TABLE_NAME").equalsIgnoreCase(Tables.FLYWAY_HISTORY)) {
          return true;
        }
      }
    }
    return false;
  }

  private Map<String, Long> loadRows(ZipFile zip, boolean postgres)
      throws SQLException, IOException {
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<Tables.Table> tables = Tables.of(c);
        // Migrations may seed rows (the calendar's corrections, say); the archive holds them as
        // they were.
        for (int i = tables.size() - 1; i >= 0; i--) {
          TableRows.clearSeeded(c, tables.get(i));
        }
        for (Tables.Table table : tables) {
          ZipEntry entry = zip.getEntry(Archive.DB + table.name() + ".jsonl");
          if (entry == null || ArchiveContents.LEFT_OUT.contains(table.name())) {
            continue;
          }
          try (InputStream in = zip.getInputStream(entry)) {
            rows.put(table.name(), TableRows.load(c, table, in, json));
          }
          TableRows.resetIdentities(c, table, postgres);
        }
        c.commit();
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
    return rows;
  }

  private int writeFiles(ZipFile zip, Archive.Manifest manifest) throws IOException {
    int count = 0;
    for (Archive.Entry entry : manifest.entries()) {
      if (!entry.path().startsWith(Archive.FILES)) {
        continue;
      }
      Path target = dataDir.resolve(entry.path().substring(Archive.FILES.length())).normalize();
      if (!target.startsWith(dataDir) || target.equals(dataDir)) {
        throw new IOException("archive entry outside the data folder: " + entry.path());
      }
      Files.createDirectories(target.getParent());
      Path temp = target.resolveSibling(".restore-" + target.getFileName());
      try (InputStream in = zip.getInputStream(zip.getEntry(entry.path()));
          FileChannel channel =
              FileChannel.open(
                  temp,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.TRUNCATE_EXISTING,
                  StandardOpenOption.WRITE)) {
        in.transferTo(Channels.newOutputStream(channel));
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      count++;
    }
    return count;
  }

  private void writeSettings(ZipFile zip) throws IOException {
    ZipEntry settings = zip.getEntry(Archive.SETTINGS);
    if (settings == null) {
      return;
    }
    Files.createDirectories(dataDir);
    Path target = dataDir.resolve("restored-settings.properties");
    try (InputStream in = zip.getInputStream(settings)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    }
    out.println(messages.get("backup.restore.settings", target));
  }

  private Flyway flyway(boolean postgres, MigrationVersion target) {
    String vendor = postgres ? "postgresql" : "h2";
    var configuration =
        Flyway.configure()
            .dataSource(dataSource)
            .locations(
                migrationLocations.stream()
                    .map(l -> l.replace("{vendor}", vendor))
                    .toArray(String[]::new));
    if (target != null) {
      configuration.target(target);
    }
    return configuration.load();
  }

  private static MigrationVersion latestAvailable(Flyway flyway) {
    MigrationVersion latest = MigrationVersion.EMPTY;
    for (MigrationInfo info : flyway.info().all()) {
      if (info.getVersion() != null && info.getVersion().compareTo(latest) > 0) {
        latest = info.getVersion();
      }
    }
    return latest;
  }

  /** The operator's messages, from the platform's bundles. */
  @FunctionalInterface
  public interface Messages {
    String get(String key, Object... arguments);
  }
}
