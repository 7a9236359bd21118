package org.gongkai.shared.privacy;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts and authenticates whole files of any size as a stream (backup archives): AES-256-GCM
 * over segments of 1 MiB, each with its own nonce (a random prefix, the segment's number, and a
 * flag on the last), under a key derived (HKDF-SHA-256, a random salt per file) from the current
 * personal-data key, so that backups are rotated with those keys. A changed, reordered, cut or
 * extended file does not open. This is the STREAM construction of Hoang, Reyhanitabar, Rogaway and
 * Vizár, which Tink and age use too. The header names the key, so files sealed under an older key
 * open while it is still configured.
 */
public final class ArchiveCipher {

  private static final byte[] MAGIC = "GKA1".getBytes(StandardCharsets.US_ASCII);
  private static final int SEGMENT = 1 << 20;
  private static final int TAG = 16;
  private static final int SALT = 32;
  private static final int PREFIX = 7;

  private final PrivacyKeys keys;
  private final SecureRandom random = new SecureRandom();

  ArchiveCipher(PrivacyKeys keys) {
    this.keys = keys;
  }

  /**
   * The cipher under the same keys the platform uses for personal data, from the same settings (for
   * the restore command, which starts no application context).
   */
  public static ArchiveCipher fromSettings(String configured, String keyFile, String dataDir) {
    return new ArchiveCipher(
        PrivacyKeys.load(
            configured, java.nio.file.Path.of(keyFile), java.nio.file.Path.of(dataDir)));
  }

  /** Whether the bytes begin like a sealed file. */
  public static boolean isSealed(byte[] head) {
    return head.length >= MAGIC.length
        && Arrays.equals(head, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
  }

  /** A stream that seals what is written to it into {@code out}; closing it closes {@code out}. */
  public OutputStream seal(OutputStream out) throws IOException {
    String id = keys.currentId();
    byte[] idBytes = id.getBytes(StandardCharsets.US_ASCII);
    byte[] salt = new byte[SALT];
    byte[] prefix = new byte[PREFIX];
    random.nextBytes(salt);
    random.nextBytes(prefix);
    byte[] header =
        ByteBuffer.allocate(MAGIC.length + 1 + idBytes.length + SALT + PREFIX)
            .put(MAGIC)
            .put((byte) idBytes.length)
            .put(idBytes)
            .put(salt)
            .put(prefix)
            .array();
    out.write(header);
    return new Sealing(out, derive(keys.key(id), salt), prefix, header);
  }

  /**
   * A stream of the plain bytes of a sealed file; a read past a segment that does not authenticate
   * fails with an {@link IOException}.
   */
  public InputStream open(InputStream in) throws IOException {
    byte[] magic = in.readNBytes(MAGIC.length);
    if (!isSealed(magic)) {
      throw new IOException("not a sealed archive");
    }
    int idLength = in.read();
    if (idLength <= 0 || idLength > 20) {
      throw new IOException("not a sealed archive");
    }
    byte[] idBytes = in.readNBytes(idLength);
    byte[] salt = in.readNBytes(SALT);
    byte[] prefix = in.readNBytes(PREFIX);
    if (idBytes.length != idLength || salt.length != SALT || prefix.length != PREFIX) {
      throw new IOException("not a sealed archive");
    }
    byte[] header =
        ByteBuffer.allocate(MAGIC.length + 1 + idLength + SALT + PREFIX)
            .put(MAGIC)
            .put((byte) idLength)
            .put(idBytes)
            .put(salt)
            .put(prefix)
            .array();
    String id = new String(idBytes, StandardCharsets.US_ASCII);
    return new Opening(in, derive(keys.key(id), salt), prefix, header);
  }

  /** HKDF-SHA-256 (RFC 5869) of the key with the file's salt: one key per file. */
  private static SecretKeySpec derive(byte[] master, byte[] salt) {
    try {
      Mac extract = Mac.getInstance("HmacSHA256");
      extract.init(new SecretKeySpec(salt, "HmacSHA256"));
      byte[] prk = extract.doFinal(master);
      Mac expand = Mac.getInstance("HmacSHA256");
      expand.init(new SecretKeySpec(prk, "HmacSHA256"));
      expand.update("gongkai archive v1".getBytes(StandardCharsets.US_ASCII));
      expand.update((byte) 1);
      return new SecretKeySpec(expand.doFinal(), "AES");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] nonce(byte[] prefix, int counter, boolean last) {
    return ByteBuffer.allocate(12).put(prefix).putInt(counter).put((byte) (last ? 1 : 0)).array();
  }

  private static byte[] crypt(
      int mode,
      SecretKeySpec key,
      byte[] prefix,
      int counter,
      boolean last,
      byte[] header,
      byte[] data,
      int length)
      throws IOException {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(TAG * 8, nonce(prefix, counter, last)));
      cipher.updateAAD(header);
      return cipher.doFinal(data, 0, length);
    } catch (GeneralSecurityException e) {
      throw new IOException("the archive does not open: wrong key, or altered or cut short", e);
    }
  }

  private static final class Sealing extends FilterOutputStream {

    private final SecretKeySpec key;
    private final byte[] prefix;
    private final byte[] header;
    private final byte[] buffer = new byte[SEGMENT];
    private int filled;
    private int counter;
    private boolean closed;

    Sealing(OutputStream out, SecretKeySpec key, byte[] prefix, byte[] header) {
      super(out);
      this.key = key;
      this.prefix = prefix;
      this.header = header;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      while (len > 0) {
        if (filled == SEGMENT) {
          // A full segment is written only once more data shows it is not the last.
          segment(false);
        }
        int n = Math.min(len, SEGMENT - filled);
        System.arraycopy(b, off, buffer, filled, n);
        filled += n;
        off += n;
        len -= n;
      }
    }

    private void segment(boolean last) throws IOException {
      out.write(crypt(Cipher.ENCRYPT_MODE, key, prefix, counter++, last, header, buffer, filled));
      filled = 0;
    }

    @Override
    public void flush() throws IOException {
      out.flush();
    }

    @Override
    public void close() throws IOException {
      if (!closed) {
        closed = true;
        segment(true);
        out.close();
      }
    }
  }

  private static final class Opening extends InputStream {

    private final InputStream in;
    private final SecretKeySpec key;
    private final byte[] prefix;
    private final byte[] header;
    private byte[] plain = new byte[0];
    private int position;
    private int counter;
    private boolean done;
    private int lookahead = -2;

    Opening(InputStream in, SecretKeySpec key, byte[] prefix, byte[] header) {
      this.in = in;
      this.key = key;
      this.prefix = prefix;
      this.header = header;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      while (position == plain.length) {
        if (done) {
          return -1;
        }
        next();
      }
      int n = Math.min(len, plain.length - position);
      System.arraycopy(plain, position, b, off, n);
      position += n;
      return n;
    }

    private void next() throws IOException {
      ByteArrayOutputStream chunk = new ByteArrayOutputStream(SEGMENT + TAG);
      if (lookahead >= 0) {
        chunk.write(lookahead);
      }
      chunk.write(in.readNBytes(SEGMENT + TAG - chunk.size()));
      lookahead = in.read();
      boolean last = lookahead < 0;
      byte[] sealed = chunk.toByteArray();
      if (sealed.length < TAG) {
        throw new IOException("the archive is cut short");
      }
      plain =
          crypt(Cipher.DECRYPT_MODE, key, prefix, counter++, last, header, sealed, sealed.length);
      position = 0;
      done = last;
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
