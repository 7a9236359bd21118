package org.gongkai.consultation.internal;

import org.gongkai.shared.storage.FileReferences;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The files a consultation or a comment names: the sweep keeps them. */
@Component
class ConsultationFiles implements FileReferences {

  private final JdbcClient jdbc;

  ConsultationFiles(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public String area() {
    return Consultations.FILES;
  }

  @Override
  public boolean isReferenced(String sha256) {
    return jdbc.sql(
                "SELECT (SELECT COUNT(*) FROM consultation_attachment WHERE sha256 = :sha)"
                    + " + (SELECT COUNT(*) FROM consultation_comment WHERE attachment_sha256 = :sha)")
            .param("sha", sha256)
            .query(Long.class)
            .single()
        > 0;
  }
}
