package org.gongkai.shared.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.gongkai.shared.PlatformProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest with AES-256-GCM: ID numbers, phone numbers, e-mail and postal
 * addresses in the database, and identity copies on disk. A sealed value names its key ({@code
 * enr:<key id>:<base64 of nonce, ciphertext and tag>}), so keys can be rotated; the field and the
 * row it belongs to ({@code table.column#id}) are bound in as associated data, so a value copied to
 * another column or to another row (someone else's request) does not open. Values sealed before
 * rows were bound ({@code enc:}, bound to the column alone) still open and are sealed again, bound
 * to their row, by {@link Resealing} at start-up; values written before encryption was introduced
 * read as they are until they are sealed.
 */
@Component
public class PersonalDataCipher {

  /** Bound to the column alone: read, never written. */
  private static final String COLUMN_BOUND = "enc:";

  /** Bound to the column and the row. */
  private static final String PREFIX = "enr:";

  private static final byte[] FILE_MAGIC = "GKE1".getBytes(StandardCharsets.US_ASCII);
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;

  private final PrivacyKeys keys;
  private final SecureRandom random = new SecureRandom();

  @Autowired
  PersonalDataCipher(PrivacyProperties privacy, PlatformProperties platform) {
    this(privacy.keys(), privacy.keyFile().toString(), platform.dataDir().toString());
  }

  PersonalDataCipher(String configured, String keyFile, String dataDir) {
    this.keys = PrivacyKeys.load(configured, Path.of(keyFile), Path.of(dataDir));
  }

  /**
   * The value sealed under the current key, for the named field ({@code table.column}) of the row
   * with this id; null stays null.
   */
  public String seal(String field, long row, String plain) {
    if (plain == null) {
      return null;
    }
    String id = keys.currentId();
    byte[] sealed = encrypt(id, bound(field, row), plain.getBytes(StandardCharsets.UTF_8));
    return PREFIX + id + ":" + Base64.getEncoder().withoutPadding().encodeToString(sealed);
  }

  /**
   * The plain value of a sealed one, which must have been sealed for this field of this row; a
   * value never sealed is returned as it is.
   */
  public String open(String field, long row, String stored) {
    if (stored == null) {
      return null;
    }
    String prefix;
    String purpose;
    if (stored.startsWith(PREFIX)) {
      prefix = PREFIX;
      purpose = bound(field, row);
    } else if (stored.startsWith(COLUMN_BOUND)) {
      prefix = COLUMN_BOUND;
      purpose = field;
    } else {
      return stored;
    }
    int colon = stored.indexOf(':', prefix.length());
    String id = stored.substring(prefix.length(), colon);
    byte[] sealed = Base64.getDecoder().decode(stored.substring(colon + 1));
    return new String(decrypt(id, purpose, sealed), StandardCharsets.UTF_8);
  }

  private static String bound(String field, long row) {
    return field + "#" + row;
  }

  /**
   * Whether the stored value is sealed under the current key and bound to its row (null counts as
   * sealed: nothing to do).
   */
  public boolean isCurrent(String stored) {
    return stored == null || stored.startsWith(PREFIX + keys.currentId() + ":");
  }

  /**
   * A keyed hash that finds equal values without storing them readable: the same ID number gives
   * the same hash, and nobody without the lookup key can compute it. Case and spaces are ignored.
   */
  public String lookupHash(String value) {
    if (value == null) {
      return null;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(keys.lookupKey(), "HmacSHA256"));
      String normal = value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
      return HexFormat.of().formatHex(mac.doFinal(normal.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A MAC keyed for one purpose (the audit chain, say) with a key derived from the lookup key,
   * which lives outside the database and never rotates: whoever can write the database cannot
   * compute it. A new instance each call ({@link Mac} is not thread-safe).
   */
  public Mac keyedMac(String purpose) {
    try {
      Mac derive = Mac.getInstance("HmacSHA256");
      derive.init(new SecretKeySpec(keys.lookupKey(), "HmacSHA256"));
      byte[] key =
          derive.doFinal(("gongkai/keyed-mac/" + purpose).getBytes(StandardCharsets.UTF_8));
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Streams sealed under the same keys: backup archives, rotated with them. */
  public ArchiveCipher archives() {
    return new ArchiveCipher(keys);
  }

  /** A file's bytes sealed under the current key: magic, key id, nonce, ciphertext and tag. */
  public byte[] sealFile(String purpose, byte[] plain) {
    String id = keys.currentId();
    byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
    byte[] sealed = encrypt(id, purpose, plain);
    return ByteBuffer.allocate(FILE_MAGIC.length + 1 + idBytes.length + sealed.length)
        .put(FILE_MAGIC)
        .put((byte) idBytes.length)
        .put(idBytes)
        .put(sealed)
        .array();
  }

  /** The plain bytes of a sealed file; a file stored before encryption is returned as it is. */
  public byte[] openFile(String purpose, byte[] stored) {
    if (!isSealedFile(stored)) {
      return stored;
    }
    int idLength = stored[FILE_MAGIC.length];
    String id = new String(stored, FILE_MAGIC.length + 1, idLength, StandardCharsets.US_ASCII);
    int start = FILE_MAGIC.length + 1 + idLength;
    byte[] sealed = Arrays.copyOfRange(stored, start, stored.length);
    return decrypt(id, purpose, sealed);
  }

  /** Whether the file is sealed under the current key. */
  public boolean isCurrentFile(byte[] stored) {
    if (!isSealedFile(stored)) {
      return false;
    }
    int idLength = stored[FILE_MAGIC.length];
    return new String(stored, FILE_MAGIC.length + 1, idLength, StandardCharsets.US_ASCII)
        .equals(keys.currentId());
  }

  private static boolean isSealedFile(byte[] stored) {
    return stored.length > FILE_MAGIC.length + 1
        && Arrays.equals(stored, 0, FILE_MAGIC.length, FILE_MAGIC, 0, FILE_MAGIC.length);
  }

  private byte[] encrypt(String keyId, String purpose, byte[] plain) {
    try {
      byte[] nonce = new byte[NONCE];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(keys.key(keyId), "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      byte[] body = cipher.doFinal(plain);
      return ByteBuffer.allocate(NONCE + body.length).put(nonce).put(body).array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] decrypt(String keyId, String purpose, byte[] sealed) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(keys.key(keyId), "AES"),
          new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE));
      cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(sealed, NONCE, sealed.length - NONCE);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "personal data under key '" + keyId + "' does not open: wrong key or altered", e);
    }
  }
}
