package org.gongkai.shared.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

class ResealingTests {

  private static final String LOOKUP =
      Base64.getEncoder()
          .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8));
  private static final String OLD = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String NEW =
      Base64.getEncoder()
          .encodeToString("fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.UTF_8));

  @TempDir Path dir;

  @Test
  void anAlteredValueIsLeftAndNamedWhileEveryOtherRowMovesToTheNewKey() {
    var source =
        new SingleConnectionDataSource("jdbc:h2:mem:reseal;DB_CLOSE_DELAY=-1", "sa", "", true);
    JdbcClient jdbc = JdbcClient.create(source);
    var transactions = new TransactionTemplate(new DataSourceTransactionManager(source));
    jdbc.sql("CREATE TABLE person (id BIGINT PRIMARY KEY, phone VARCHAR(500))").update();

    PersonalDataCipher before = cipher("lookup=" + LOOKUP + ",a=" + OLD);
    for (long id = 1; id <= 1_200; id++) {
      String sealed = before.seal("person.phone", id, "1380000" + id);
      if (id == 600) {
        sealed = flipLastByte(sealed);
      }
      jdbc.sql("INSERT INTO person VALUES (?, ?)").params(id, sealed).update();
    }

    PersonalDataCipher after = cipher("lookup=" + LOOKUP + ",a=" + OLD + ",b=" + NEW);
    int changed =
        Resealing.run(jdbc, transactions, after, "person", Map.of("phone", "person.phone"), null);

    assertThat(changed).as("every row but the altered one, across three batches").isEqualTo(1_199);
    assertThat(after.open("person.phone", 1_200, phone(jdbc, 1_200))).isEqualTo("13800001200");
    assertThat(after.isCurrent(phone(jdbc, 1_199))).isTrue();
    assertThat(after.isCurrent(phone(jdbc, 600)))
        .as("the altered value is left as it was, to be looked at")
        .isFalse();
    source.destroy();
  }

  private static String flipLastByte(String sealed) {
    int colon = sealed.lastIndexOf(':');
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(colon + 1));
    bytes[bytes.length - 1] ^= 0x5a;
    return sealed.substring(0, colon + 1)
        + Base64.getEncoder().withoutPadding().encodeToString(bytes);
  }

  private static String phone(JdbcClient jdbc, long id) {
    return jdbc.sql("SELECT phone FROM person WHERE id = ?").param(id).query(String.class).single();
  }

  private PersonalDataCipher cipher(String keys) {
    return new PersonalDataCipher(
        keys, dir.resolve("keys").toString(), dir.resolve("data").toString());
  }
}
