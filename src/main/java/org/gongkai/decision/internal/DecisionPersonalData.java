package org.gongkai.decision.internal;

import java.util.Map;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.privacy.Resealing;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Natural persons' identity numbers stay sealed under the current key: after a key rotation they
 * are sealed again in the background, as every other table's personal data.
 */
@Component
class DecisionPersonalData {

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final PersonalDataCipher cipher;

  DecisionPersonalData(
      JdbcClient jdbc, TransactionTemplate transactions, PersonalDataCipher cipher) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.cipher = cipher;
  }

  @EventListener(ApplicationReadyEvent.class)
  void resealInBackground() {
    Resealing.inBackground(
        jdbc, transactions, cipher, "decision", Map.of("id_number", DecisionRows.ID_NUMBER));
  }
}
