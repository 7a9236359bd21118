package org.gongkai.foi.internal;

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
import org.gongkai.shared.storage.StoredFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps applicants' personal data encrypted under the current key, and no longer than it is needed:
 * {@code gongkai.privacy.retain-years} after a request was concluded, its applicant's ID number,
 * phone, e-mail, address and identity copy are removed and the name is masked, in the record and in
 * its letters, each request with an audit record. The figures of the annual report do not change:
 * they never used these fields.
 */
@Component
class PersonalDataUpkeep {

  private static final Logger log = LoggerFactory.getLogger(PersonalDataUpkeep.class);

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final PersonalDataCipher cipher;
  private final StoredFiles files;
  private final AuditTrail audit;
  private final Clock clock;
  private final int retainYears;

  PersonalDataUpkeep(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      PersonalDataCipher cipher,
      StoredFiles files,
      AuditTrail audit,
      Clock clock,
      PrivacyProperties privacy) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.cipher = cipher;
    this.files = files;
    this.audit = audit;
    this.clock = clock;
    this.retainYears = privacy.retainYears();
  }

  /** After start-up, in the background: what is not yet under the current key is sealed again. */
  @EventListener(ApplicationReadyEvent.class)
  void resealInBackground() {
    Thread thread = new Thread(this::reseal, "foi-reseal");
    thread.setDaemon(true);
    thread.start();
  }

  int reseal() {
    try {
      Map<String, String> columns = new LinkedHashMap<>();
      columns.put("id_number", RequestRepository.ID_NUMBER);
      columns.put("phone", RequestRepository.PHONE);
      columns.put("email", RequestRepository.EMAIL);
      columns.put("address", RequestRepository.ADDRESS);
      int rows =
          Resealing.run(
              jdbc,
              transactions,
              cipher,
              "foi_request",
              columns,
              (column, plain, sets, params) -> {
                if (column.equals("id_number")) {
                  sets.add("id_number_hash = ?");
                  params.add(cipher.lookupHash(plain));
                }
              });
      List<Long> unhashed =
          jdbc.sql(
                  "SELECT id FROM foi_request WHERE id_number IS NOT NULL AND id_number_hash IS NULL")
              .query(Long.class)
              .list();
      for (long id : unhashed) {
        String stored =
            jdbc.sql("SELECT id_number FROM foi_request WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
        String plain;
        try {
          plain = cipher.open(RequestRepository.ID_NUMBER, id, stored);
        } catch (IllegalStateException e) {
          log.error("the ID number of request {} does not open: {}", id, e.getMessage());
          continue;
        }
        jdbc.sql("UPDATE foi_request SET id_number_hash = ? WHERE id = ?")
            .params(cipher.lookupHash(plain), id)
            .update();
        rows++;
      }
      int copies = 0;
      for (String sha :
          jdbc.sql(
                  "SELECT DISTINCT id_copy_sha256 FROM foi_request WHERE id_copy_sha256 IS NOT NULL")
              .query(String.class)
              .list()) {
        var stored = files.read(IdCopies.FOLDER, sha);
        if (stored.isPresent() && !cipher.isCurrentFile(stored.get())) {
          files.rewrite(
              IdCopies.FOLDER,
              sha,
              cipher.sealFile(IdCopies.PURPOSE, cipher.openFile(IdCopies.PURPOSE, stored.get())));
          copies++;
        }
      }
      if (rows + copies > 0) {
        log.info(
            "personal data of {} requests and {} identity copies encrypted under the current key",
            rows,
            copies);
      }
      return rows + copies;
    } catch (RuntimeException e) {
      log.error(
          "encrypting personal data under the current key stopped; it is tried again at the next start",
          e);
      return 0;
    }
  }

  /**
   * Every night: personal data of requests concluded more than the retention period ago is removed.
   */
  @ClusterJob(cron = "0 50 2 * * *")
  int purge() {
    LocalDate before = LocalDate.now(clock).minusYears(retainYears);
    List<Long> due =
        jdbc.sql(
                "SELECT id FROM foi_request WHERE state IN ('REPLIED', 'CLOSED') AND concluded_on < ?"
                    + " AND personal_data_purged_on IS NULL ORDER BY id")
            .param(before)
            .query(Long.class)
            .list();
    for (long id : due) {
      transactions.executeWithoutResult(tx -> purge(id));
    }
    return due.size();
  }

  private void purge(long id) {
    String name =
        jdbc.sql("SELECT applicant_name FROM foi_request WHERE id = ? FOR UPDATE")
            .param(id)
            .query(String.class)
            .single();
    String masked = PersonalData.name(name);
    // REPLACE with an empty search string is not the same on every database; a blank name has
    // nothing to replace.
    String search = name == null || name.isBlank() ? "\u0000" : name;
    jdbc.sql(
            "UPDATE foi_request SET applicant_name = ?, id_number = NULL, id_number_hash = NULL, phone = NULL,"
                + " email = NULL, address = NULL, id_copy_name = NULL, id_copy_type = NULL, id_copy_sha256 = NULL,"
                + " reply_detail = REPLACE(reply_detail, ?, ?), personal_data_purged_on = ? WHERE id = ?")
        .params(masked, search, masked, LocalDate.now(clock), id)
        .update();
    jdbc.sql(
            "UPDATE foi_letter SET body = REPLACE(body, ?, ?), recipient = REPLACE(recipient, ?, ?)"
                + " WHERE request_id = ?")
        .params(search, masked, search, masked, id)
        .update();
    audit.record(
        "system",
        "foi.personal-data.purged",
        "foi-request",
        id,
        "concluded more than " + retainYears + " years ago");
  }
}
