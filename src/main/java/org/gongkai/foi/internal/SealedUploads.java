package org.gongkai.foi.internal;

import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.Set;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.storage.FileTypes;
import org.gongkai.shared.storage.StoredFiles;
import org.gongkai.shared.web.Refusal;

/**
 * Files uploaded for a request that carry personal data (identity copies, proofs of delivery):
 * images or PDFs of at most {@link #MAX_BYTES}, checked as uploads from the public and kept sealed
 * in a folder of their own.
 */
final class SealedUploads {

  static final long MAX_BYTES = 10L * 1024 * 1024;
  private static final Set<FileTypes.Type> TYPES =
      Set.of(FileTypes.Type.JPEG, FileTypes.Type.PNG, FileTypes.Type.PDF);

  private final StoredFiles files;
  private final PersonalDataCipher cipher;
  private final String folder;
  private final String purpose;

  SealedUploads(StoredFiles files, PersonalDataCipher cipher, String folder, String purpose) {
    this.files = files;
    this.cipher = cipher;
    this.folder = folder;
    this.purpose = purpose;
  }

  /**
   * Stores an upload sealed; refuses one too large with {@code tooLargeKey}, one of another type
   * with {@code typeKey}, both on {@code field}.
   */
  StoredFiles.StoredFile store(
      String fileName, byte[] content, String field, String tooLargeKey, String typeKey) {
    return files.store(
        folder,
        fileName,
        new ByteArrayInputStream(content),
        StoredFiles.Limits.fromThePublic(
                MAX_BYTES,
                TYPES,
                () -> Refusal.invalidField(field, tooLargeKey, MAX_BYTES / 1024 / 1024),
                () -> Refusal.invalidField(field, typeKey))
            .sealedWith(bytes -> cipher.sealFile(purpose, bytes)));
  }

  /** A stored file's content, unsealed; empty when it is no longer there. */
  Optional<byte[]> open(String sha256) {
    return files.read(folder, sha256).map(stored -> cipher.openFile(purpose, stored));
  }
}
