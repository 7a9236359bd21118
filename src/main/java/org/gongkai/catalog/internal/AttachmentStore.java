package org.gongkai.catalog.internal;

import java.io.IOException;
import java.io.InputStream;
import org.gongkai.shared.storage.FileReferences;
import org.gongkai.shared.storage.StoredFiles;
import org.gongkai.shared.web.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Attachment files by the SHA-256 of their content: the same file attached to many editions is
 * stored once, and a file never changes under its name.
 */
@Component
class AttachmentStore implements FileReferences {

  static final String AREA = "attachments";

  private final StoredFiles files;
  private final JdbcClient jdbc;
  private final StoredFiles.Limits limits;

  AttachmentStore(StoredFiles files, JdbcClient jdbc, AttachmentProperties settings) {
    this.files = files;
    this.jdbc = jdbc;
    this.limits =
        StoredFiles.Limits.anyType(
            settings.maxSize().toBytes(),
            () -> Refusal.invalidField("file", "attachment.too-large"),
            () -> Refusal.invalidField("file", "attachment.empty"),
            () -> Refusal.invalidField("file", "attachment.type"));
  }

  record Stored(String sha256, long size, String mediaType) {}

  Stored store(InputStream content, String fileName) {
    StoredFiles.StoredFile stored = files.store(AREA, fileName, content, limits);
    return new Stored(stored.sha256(), stored.size(), stored.contentType());
  }

  InputStream open(String sha256) throws IOException {
    return files.open(AREA, sha256);
  }

  boolean exists(String sha256) {
    return files.exists(AREA, sha256);
  }

  @Override
  public String area() {
    return AREA;
  }

  @Override
  public boolean isReferenced(String sha256) {
    return jdbc.sql("SELECT COUNT(*) FROM attachment WHERE sha256 = ?")
            .param(sha256)
            .query(Long.class)
            .single()
        > 0;
  }
}
