package org.gongkai.foi.internal;

import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.storage.FileReferences;
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

  static final long MAX_BYTES = SealedUploads.MAX_BYTES;
  static final String FOLDER = "foi-id-copies";

  static final String PURPOSE = "foi-id-copy";

  private final SealedUploads uploads;
  private final JdbcClient jdbc;

  IdCopies(StoredFiles files, JdbcClient jdbc, PersonalDataCipher cipher) {
    this.uploads = new SealedUploads(files, cipher, FOLDER, PURPOSE);
    this.jdbc = jdbc;
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
        uploads.store(
            upload.fileName(),
            upload.content(),
            "idCopy",
            "foi.id-copy.too-large",
            "foi.id-copy.type");
    return new RequestRepository.IdCopy(stored.name(), stored.contentType(), stored.sha256());
  }

  Stored open(String sha256, String name, String type) {
    return new Stored(
        name, type, uploads.open(sha256).orElseThrow(() -> Refusal.gone("foi.id-copy.missing")));
  }
}
