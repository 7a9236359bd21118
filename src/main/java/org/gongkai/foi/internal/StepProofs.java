package org.gongkai.foi.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.storage.FileReferences;
import org.gongkai.shared.storage.StoredFiles;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Proofs of when a step took effect (a postal receipt, a signed delivery slip), uploaded for a
 * request and named by a step. They carry the applicant's name and address, so they are kept sealed
 * like identity copies and opened only for staff with the personal-data permission.
 */
@Component
class StepProofs implements FileReferences {

  static final String FOLDER = "foi-proofs";
  static final String PURPOSE = "foi-proof";

  private final SealedUploads uploads;
  private final JdbcClient jdbc;

  StepProofs(StoredFiles files, JdbcClient jdbc, PersonalDataCipher cipher) {
    this.uploads = new SealedUploads(files, cipher, FOLDER, PURPOSE);
    this.jdbc = jdbc;
  }

  @Override
  public String area() {
    return FOLDER;
  }

  @Override
  public boolean isReferenced(String sha256) {
    return jdbc.sql("SELECT COUNT(*) FROM foi_proof WHERE sha256 = ?")
            .param(sha256)
            .query(Long.class)
            .single()
        > 0;
  }

  record Proof(String sha256, String name, String contentType, String by, Instant at) {}

  record Opened(String name, String contentType, byte[] content) {}

  /** Stores an uploaded proof for the request; the same file uploaded twice is one proof. */
  Proof store(long requestId, String fileName, byte[] content, String actor, Instant now) {
    if (content == null || content.length == 0) {
      throw Refusal.invalidField("file", "foi.proof.empty");
    }
    StoredFiles.StoredFile stored =
        uploads.store(fileName, content, "file", "foi.proof.too-large", "foi.proof.type");
    if (find(requestId, stored.sha256()).isEmpty()) {
      jdbc.sql(
              "INSERT INTO foi_proof (sha256, request_id, name, content_type, uploaded_by, uploaded_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?)")
          .params(
              stored.sha256(),
              requestId,
              stored.name(),
              stored.contentType(),
              actor,
              Timestamps.toDb(now))
          .update();
    }
    return find(requestId, stored.sha256()).orElseThrow();
  }

  Optional<Proof> find(long requestId, String sha256) {
    return jdbc.sql(
            "SELECT sha256, name, content_type, uploaded_by, uploaded_at FROM foi_proof"
                + " WHERE request_id = ? AND sha256 = ?")
        .params(requestId, sha256)
        .query(
            (rs, i) ->
                new Proof(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    Timestamps.fromDb(rs.getObject(5, OffsetDateTime.class))))
        .optional();
  }

  Opened open(long requestId, String sha256) {
    Proof proof =
        find(requestId, sha256).orElseThrow(() -> Refusal.notFound("foi.proof.not-found"));
    return new Opened(
        proof.name(),
        proof.contentType(),
        uploads.open(sha256).orElseThrow(() -> Refusal.gone("foi.proof.not-found")));
  }
}
