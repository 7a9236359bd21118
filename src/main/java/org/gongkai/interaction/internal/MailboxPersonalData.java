package org.gongkai.interaction.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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
 * Senders' phone numbers and e-mail addresses stay encrypted under the current key, and are removed
 * (the name masked) {@code gongkai.privacy.retain-years} after the message was concluded, each
 * message with an audit record.
 */
@Component
class MailboxPersonalData {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final PersonalDataCipher cipher;
  private final AuditTrail audit;
  private final Clock clock;
  private final int retainYears;

  MailboxPersonalData(
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
    Map<String, String> columns = new LinkedHashMap<>();
    columns.put("phone", MessageRepository.PHONE);
    columns.put("email", MessageRepository.EMAIL);
    Resealing.inBackground(jdbc, transactions, cipher, "mailbox_message", columns);
  }

  @ClusterJob(cron = "0 55 2 * * *")
  int purge() {
    LocalDate before = LocalDate.now(clock).minusYears(retainYears);
    List<Long> due =
        jdbc.sql(
                "SELECT id FROM mailbox_message WHERE state <> 'RECEIVED' AND replied_on < ?"
                    + " AND personal_data_purged_on IS NULL ORDER BY id")
            .param(before)
            .query(Long.class)
            .list();
    for (long id : due) {
      transactions.executeWithoutResult(
          tx -> {
            String name =
                jdbc.sql("SELECT author_name FROM mailbox_message WHERE id = ? FOR UPDATE")
                    .param(id)
                    .query(String.class)
                    .optional()
                    .orElse(null);
            jdbc.sql(
                    "UPDATE mailbox_message SET author_name = ?, phone = NULL, email = NULL, personal_data_purged_on = ?"
                        + " WHERE id = ?")
                .params(PersonalData.name(name), LocalDate.now(clock), id)
                .update();
            audit.record(
                "system",
                "mailbox.personal-data.purged",
                "mailbox-message",
                id,
                "concluded more than " + retainYears + " years ago");
          });
    }
    return due.size();
  }
}
