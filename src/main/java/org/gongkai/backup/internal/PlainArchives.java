package org.gongkai.backup.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.gongkai.shared.privacy.ArchiveCipher;

/**
 * A backup archive opened for a restore: decrypted, or as it is where the operator accepts that.
 */
final class PlainArchives {

  private PlainArchives() {}

  /**
   * The archive decrypted into a temporary file only its owner reads (the archive itself when it is
   * not encrypted and the operator accepts that); refused when it does not authenticate, or is not
   * encrypted and the operator did not accept that.
   */
  static Path opened(Path archive, ArchiveCipher cipher, boolean acceptUnencrypted)
      throws IOException, Archive.Refused {
    byte[] head;
    try (InputStream in = Files.newInputStream(archive)) {
      head = in.readNBytes(4);
    } catch (IOException e) {
      throw new Archive.Refused("backup.restore.not-an-archive", archive);
    }
    if (!ArchiveCipher.isSealed(head)) {
      if (acceptUnencrypted) {
        return archive;
      }
      throw new Archive.Refused("backup.restore.unencrypted", archive);
    }
    Path plain;
    try {
      plain =
          Files.createTempFile(
              "gongkai-restore-",
              ".zip",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException notPosix) {
      plain = Files.createTempFile("gongkai-restore-", ".zip");
    }
    try (InputStream in = cipher.open(Files.newInputStream(archive));
        OutputStream to = Files.newOutputStream(plain)) {
      in.transferTo(to);
    } catch (IOException | IllegalStateException e) {
      Files.deleteIfExists(plain);
      throw new Archive.Refused("backup.restore.does-not-open", archive);
    }
    return plain;
  }
}
