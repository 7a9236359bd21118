package org.gongkai.foi.internal;

import java.io.ByteArrayInputStream;
import java.util.Set;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.storage.FileReferences;
import org.gongkai.shared.storage.FileTypes;
import org.gongkai.shared.storage.StoredFiles;
import org.gongkai.shared.web.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Copies of applicants' identity documents, kept apart from public attachments and never served by
 * the portal.
 */
@Component
class IdCopies implements FileReferences {

  static final long MAX_BYTES = 10L * 1024 * 1024;
  static final String FOLDER = "foi-id-copies";
  private static final Set<FileTypes.Type> TYPES =
      Set.of(FileTypes.Type.JPEG, FileTypes.Type.PNG, FileTypes.Type.PDF);

  static final String PURPOSE = "foi-id-copy";

  private final StoredFiles files;
  private final JdbcClient jdbc;
  private final PersonalDataCipher cipher;

  IdCopies(StoredFiles files, JdbcClient jdbc, PersonalDataCipher cipher) {
    this.files = files;
    this.jdbc = jdbc;
    this.cipher = cipher;
  }

  @Override
  public String area() {
    return FOLDER;
  }

  @Override
  public boolean isReferenced(String sha256) {
    return jdbc.sql("SELECT COUNT(*) FROM foi_request WHERE id_copy_sha256 = ?")
            .param(sha256)
            .query(Long.class)
            .single()
        > 0;
  }

  record Stored(String name, String contentType, byte[] content) {}

  RequestRepository.IdCopy store(RequestIntake.Upload upload) {
    if (upload.content() == null || upload.content().length == 0) {
      return null;
    }
    if (upload.content().length > MAX_BYTES) {
      throw Refusal.invalidField("idCopy", "foi.id-copy.too-large", MAX_BYTES / 1024 / 1024);
    }
    StoredFiles.StoredFile stored =
        files.store(
            FOLDER,
            upload.fileName(),
            new ByteArrayInputStream(upload.content()),
            StoredFiles.Limits.fromThePublic(
                    MAX_BYTES,
                    TYPES,
                    () ->
                        Refusal.invalidField(
                            "idCopy", "foi.id-copy.too-large", MAX_BYTES / 1024 / 1024),
                    () -> Refusal.invalidField("idCopy", "foi.id-copy.type"))
                .sealedWith(bytes -> cipher.sealFile(PURPOSE, bytes)));
    return new RequestRepository.IdCopy(stored.name(), stored.contentType(), stored.sha256());
  }

  Stored open(String sha256, String name, String type) {
    byte[] stored =
        files.read(FOLDER, sha256).orElseThrow(() -> Refusal.gone("foi.id-copy.missing"));
    return new Stored(name, type, cipher.openFile(PURPOSE, stored));
  }
}
