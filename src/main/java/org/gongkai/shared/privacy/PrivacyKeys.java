package org.gongkai.shared.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys personal data is encrypted under, kept outside the database and outside the data folder,
 * so that a copy of either (a stolen backup, say) holds no readable ID number. They come from
 * {@code gongkai.privacy.keys} (an environment variable in production: {@code
 * GONGKAI_PRIVACY_KEYS="2026=<base64>,2027=<base64>"}) or from a key file, one {@code id=<base64 of
 * 32 bytes>} per line. The last key encrypts; the others still decrypt, until everything has been
 * encrypted again under the new one. {@code lookup=<base64>} is the key of the hashes that find an
 * applicant's earlier requests (and, derived from it, of the audit chain); it must be named and it
 * never changes.
 */
final class PrivacyKeys {

  private static final Logger log = LoggerFactory.getLogger(PrivacyKeys.class);
  static final String LOOKUP = "lookup";

  private final Map<String, byte[]> keys;
  private final String current;
  private final byte[] lookup;

  private PrivacyKeys(Map<String, byte[]> keys, byte[] lookup, String source) {
    if (keys.isEmpty()) {
      throw new IllegalStateException("no key to encrypt personal data with");
    }
    if (lookup == null) {
      // Falling back to the first sealing key would change every lookup hash and the audit
      // chain's key the day that key is rotated out; the operator names it once instead.
      String first = keys.keySet().iterator().next();
      throw new IllegalStateException(
          source
              + " names no lookup key ("
              + LOOKUP
              + "=<base64 of 32 bytes>), the key of the hashes that find earlier requests and of"
              + " the audit chain. An installation that ran without one used key '"
              + first
              + "': add "
              + LOOKUP
              + "=<the same base64 as '"
              + first
              + "'> to keep its hashes and chain; a new one takes fresh random bytes");
    }
    this.keys = Map.copyOf(keys);
    this.current = List.copyOf(keys.keySet()).get(keys.size() - 1);
    this.lookup = lookup;
    keys.forEach(
        (id, key) -> {
          if (Arrays.equals(key, lookup)) {
            log.warn(
                "{}: the lookup key is also the sealing key '{}'; keep it named as {} when '{}' is"
                    + " rotated out",
                source,
                id,
                LOOKUP,
                id);
          }
        });
  }

  String currentId() {
    return current;
  }

  byte[] key(String id) {
    byte[] key = keys.get(id);
    if (key == null) {
      throw new IllegalStateException(
          "personal data was encrypted under key '"
              + id
              + "', which is not configured; add it to gongkai.privacy.keys or the key file");
    }
    return key;
  }

  byte[] lookupKey() {
    return lookup;
  }

  /** From the setting when given, else from the key file, which is made on first start. */
  static PrivacyKeys load(String configured, Path keyFile, Path dataFolder) {
    if (configured != null && !configured.isBlank()) {
      return parse(List.of(configured.split("[,\\s]+")), "gongkai.privacy.keys");
    }
    Path file = keyFile.toAbsolutePath().normalize();
    if (file.startsWith(dataFolder.toAbsolutePath().normalize())) {
      throw new IllegalStateException(
          "the personal-data key file "
              + file
              + " must not lie in the data folder "
              + dataFolder
              + ": a backup of the folder would carry the key with it");
    }
    try {
      if (!Files.exists(file)) {
        create(file);
      }
      return parse(Files.readAllLines(file, StandardCharsets.UTF_8), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(
          "the personal-data key file " + file + " cannot be read or made", e);
    }
  }

  private static void create(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    SecureRandom random = new SecureRandom();
    String text =
        "# Gongkai personal-data keys: keep a copy apart from the backups; without it they cannot be read.\n"
            + LOOKUP
            + "="
            + fresh(random)
            + "\n"
            + "k1="
            + fresh(random)
            + "\n";
    Path temp = Files.createTempFile(file.getParent(), ".privacy-keys-", ".new");
    try {
      Files.writeString(temp, text, StandardCharsets.UTF_8);
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows: the folder's permissions apply.
      }
      // A link fails when the name exists: of two processes starting at once, one key file wins.
      Files.createLink(file, temp);
    } catch (FileAlreadyExistsException anotherProcessWasFirst) {
      return;
    } finally {
      Files.deleteIfExists(temp);
    }
    log.warn(
        "made a new personal-data key file {}; keep a copy of it apart from the backups", file);
  }

  private static String fresh(SecureRandom random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static PrivacyKeys parse(List<String> lines, String source) {
    Map<String, byte[]> keys = new LinkedHashMap<>();
    byte[] lookup = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      if (eq <= 0) {
        throw new IllegalStateException(
            source + ": a key is written id=<base64>, not '" + line + "'");
      }
      String id = line.substring(0, eq).strip();
      byte[] key = Base64.getDecoder().decode(line.substring(eq + 1).strip());
      if (key.length != 32 || !id.matches("[A-Za-z0-9_-]{1,20}")) {
        throw new IllegalStateException(
            source + ": key '" + id + "' must be 32 bytes under an id of letters and digits");
      }
      if (id.equals(LOOKUP)) {
        lookup = key;
      } else {
        keys.remove(id);
        keys.put(id, key);
      }
    }
    return new PrivacyKeys(keys, lookup, source);
  }
}
