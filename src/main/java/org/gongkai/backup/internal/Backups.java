package org.gongkai.backup.internal;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.audit.AuditChainHead;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.privacy.ArchiveCipher;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.storage.DataDirectory;
import org.gongkai.shared.web.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes consistent online backups into {@code backups/} of the data folder and keeps the newest
 * few. The database is read in one snapshot transaction while the platform keeps working; the
 * stored files are copied after it, so every file a row of the snapshot names is in the archive
 * (files are never changed under their name, and the sweep leaves young files alone). Each archive
 * is encrypted and authenticated as it is written ({@link ArchiveCipher}, under the personal-data
 * keys, which live outside the data folder), readable by the platform's user alone, written under a
 * temporary name, forced to disk and renamed, with its SHA-256 beside it. Sessions, login failures
 * and spent challenges are left out.
 */
@Service
class Backups {

  static final String FOLDER = "backups";
  private static final Logger log = LoggerFactory.getLogger(Backups.class);
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

  /** Archives and their checksums are for the platform's own user alone. */
  static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final DataSource dataSource;
  private final DataDirectory data;
  private final Flyway flyway;
  private final Environment environment;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;
  private final JsonMapper json;
  private final int retain;
  private final ReentrantLock oneAtATime = new ReentrantLock();
  private final ArchiveCipher cipher;

  Backups(
      DataSource dataSource,
      DataDirectory data,
      Flyway flyway,
      Environment environment,
      StaffAccess access,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock,
      BackupProperties settings,
      PersonalDataCipher keys) {
    this.cipher = keys.archives();
    this.transactions = transactions;
    this.dataSource = dataSource;
    this.data = data;
    this.flyway = flyway;
    this.environment = environment;
    this.access = access;
    this.audit = audit;
    this.clock = clock;
    this.json = ArchiveJson.mapper();
    this.retain = settings.retain();
  }

  /** A backup as the console and the API list it. */
  record BackupFile(String name, long size, Instant createdAt, String sha256) {}

  BackupFile create(Staff actor) {
    access.requirePlatformAdmin(actor);
    BackupFile backup = create(actor.username());
    return backup;
  }

  /** Writes a backup now; the daily run and the console both come here. */
  BackupFile create(String actor) {
    if (!oneAtATime.tryLock()) {
      throw Refusal.conflict("backup.running");
    }
    try {
      Path folder = data.folder(FOLDER);
      Instant now = Instant.now(clock);
      String name = uniqueName(folder, now);
      Path temp = folder.resolve(".tmp-" + name);
      MessageDigest whole = Archive.sha256();
      // Kept in the archive, apart from the database it describes: a trail cut back later no
      // longer contains this head.
      AuditChainHead chainHead = audit.chainHead();
      try (OutputStream out = new DigestOutputStream(createOwnerOnly(temp), whole);
          Archive.Writer archive =
              new Archive.Writer(new BufferedOutputStream(cipher.seal(out), 1 << 16))) {
        String database = ArchiveContents.writeDatabase(dataSource, archive, json);
        ArchiveContents.writeFiles(data.root(), archive);
        var settings = SettingsSnapshot.of(environment);
        archive.put(
            Archive.SETTINGS,
            o -> {
              SettingsSnapshot.write(settings, o);
              return null;
            },
            r -> null);
        archive.finish(
            new Archive.Manifest(
                Archive.FORMAT,
                now,
                platformVersion(),
                schemaVersion(),
                database,
                archive.entries(),
                settings,
                chainHead.toString()),
            json);
      } catch (IOException | SQLException e) {
        deleteQuietly(temp);
        throw new IllegalStateException("backup failed: " + e.getMessage(), e);
      }
      String sha = HexFormat.of().formatHex(whole.digest());
      Path target = folder.resolve(name);
      try {
        try (FileChannel c = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          c.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        Path checksum = folder.resolve(name + ".sha256");
        Files.deleteIfExists(checksum);
        try (OutputStream c = createOwnerOnly(checksum)) {
          c.write((sha + "  " + name + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        try (FileChannel c = FileChannel.open(checksum, StandardOpenOption.WRITE)) {
          c.force(true);
        }
        try (FileChannel c = FileChannel.open(folder, StandardOpenOption.READ)) {
          c.force(true);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      transactions.executeWithoutResult(
          tx -> audit.record(actor, "backup.created", "backup", 0, name + " " + sha));
      BackupFile created = describe(target).orElseThrow();
      log.info(
          "backup written: {} ({} bytes, sha256 {}); audit chain head {}",
          name,
          created.size(),
          sha,
          chainHead);
      prune();
      return created;
    } finally {
      oneAtATime.unlock();
    }
  }

  List<BackupFile> list(Staff actor) {
    access.requirePlatformAdmin(actor);
    return list();
  }

  List<BackupFile> list() {
    try (Stream<Path> files = Files.list(data.folder(FOLDER))) {
      return files
          .filter(p -> isBackupName(p.getFileName().toString()))
          .map(this::describe)
          .flatMap(Optional::stream)
          .sorted(Comparator.comparing(BackupFile::name).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The archive to download; names are checked so that nothing outside the folder is served. */
  Path file(String name, Staff actor) {
    access.requirePlatformAdmin(actor);
    if (!isBackupName(name)) {
      throw Refusal.notFound("backup.not-found");
    }
    Path file = data.folder(FOLDER).resolve(name);
    if (!Files.isRegularFile(file)) {
      throw Refusal.notFound("backup.not-found");
    }
    transactions.executeWithoutResult(
        tx -> audit.record(actor.username(), "backup.downloaded", "backup", 0, name));
    return file;
  }

  private static OutputStream createOwnerOnly(Path file) throws IOException {
    try {
      Files.createFile(file, OWNER_ONLY);
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(file);
    }
    return Files.newOutputStream(file, StandardOpenOption.WRITE);
  }

  private void prune() {
    List<BackupFile> all = list();
    for (BackupFile old : all.subList(Math.min(retain, all.size()), all.size())) {
      Path folder = data.folder(FOLDER);
      deleteQuietly(folder.resolve(old.name()));
      deleteQuietly(folder.resolve(old.name() + ".sha256"));
      log.info("backup removed by retention ({} kept): {}", retain, old.name());
    }
  }

  private Optional<BackupFile> describe(Path file) {
    try {
      String name = file.getFileName().toString();
      Path checksum = file.resolveSibling(name + ".sha256");
      String sha = Files.exists(checksum) ? Files.readString(checksum).split("\\s+")[0] : "";
      return Optional.of(
          new BackupFile(name, Files.size(file), Files.getLastModifiedTime(file).toInstant(), sha));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private String schemaVersion() {
    var current = flyway.info().current();
    return current == null || current.getVersion() == null
        ? "0"
        : current.getVersion().getVersion();
  }

  static String platformVersion() {
    String version = Backups.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }

  private String uniqueName(Path folder, Instant now) {
    String stamp =
        STAMP.format(
            now.atZone(clock.getZone() == null ? ZoneId.systemDefault() : clock.getZone()));
    String name = "gongkai-backup-" + stamp + ".zip";
    for (int n = 2; Files.exists(folder.resolve(name)); n++) {
      name = "gongkai-backup-" + stamp + "-" + n + ".zip";
    }
    return name;
  }

  static boolean isBackupName(String name) {
    return name.matches("gongkai-backup-[0-9]{8}-[0-9]{6}(-[0-9]+)?\\.zip");
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // retried by the next prune
    }
  }
}
