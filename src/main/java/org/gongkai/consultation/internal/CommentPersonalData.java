package org.gongkai.consultation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.jobs.ClusterJob;
import org.gongkai.shared.privacy.PersonalData;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.privacy.PrivacyProperties;
import org.gongkai.shared.privacy.Resealing;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Commenters' contacts stay encrypted under the current key, and are removed (the name masked)
 * {@code gongkai.privacy.retain-years} after the call for comments closed, each comment with an
 * audit record. The comments themselves and their adoption stay: they are the public record.
 */
@Component
class CommentPersonalData {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final PersonalDataCipher cipher;
  private final AuditTrail audit;
  private final Clock clock;
  private final int retainYears;

  CommentPersonalData(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      PersonalDataCipher cipher,
      AuditTrail audit,
      Clock clock,
      PrivacyProperties privacy) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.cipher = cipher;
    this.audit = audit;
    this.clock = clock;
    this.retainYears = privacy.retainYears();
  }

  @EventListener(ApplicationReadyEvent.class)
  void resealInBackground() {
    Resealing.inBackground(
        jdbc,
        transactions,
        cipher,
        "consultation_comment",
        Map.of("contact", ConsultationRepository.CONTACT));
  }

  @ClusterJob(cron = "0 58 2 * * *")
  int purge() {
    LocalDate before = LocalDate.now(clock).minusYears(retainYears);
    List<Long> due =
        jdbc.sql(
                "SELECT m.id FROM consultation_comment m JOIN consultation c ON c.id = m.consultation_id"
                    + " WHERE c.closes_on < ? AND m.personal_data_purged_on IS NULL ORDER BY m.id")
            .param(before)
            .query(Long.class)
            .list();
    for (long id : due) {
      transactions.executeWithoutResult(
          tx -> {
            String name =
                jdbc.sql("SELECT author_name FROM consultation_comment WHERE id = ? FOR UPDATE")
                    .param(id)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            jdbc.sql(
                    "UPDATE consultation_comment SET author_name = ?, contact = NULL, personal_data_purged_on = ?"
                        + " WHERE id = ?")
                .params(PersonalData.name(name), LocalDate.now(clock), id)
                .update();
            audit.record(
                "system",
                "consultation.personal-data.purged",
                "consultation-comment",
                id,
                "call for comments closed more than " + retainYears + " years ago");
          });
    }
    return due.size();
  }
}
