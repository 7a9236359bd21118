package org.gongkai.catalog.internal;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Allocates index numbers (索引号) from a per-agency, per-period counter. The counter row is
 * incremented inside the publishing transaction, so concurrent publications queue on its row lock,
 * and a publication that rolls back takes its number back with it: no duplicates and no gaps. The
 * format is the platform's setting, by default {@code {code}/{yyyy}-{seq:5}}, the national
 * guideline's 前段码/后段码 (e.g. 000014349/2017-00110); {@code {MM}} adds the month.
 */
@Component
class IndexNumbers {

  private static final Pattern SEQ = Pattern.compile("\\{seq:(\\d+)}");

  private final JdbcClient jdbc;
  private final TransactionTemplate newTransaction;
  private final String format;

  IndexNumbers(JdbcClient jdbc, TransactionTemplate transactions, CatalogProperties settings) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactions.getTransactionManager());
    this.newTransaction.setPropagationBehavior(Propagation.REQUIRES_NEW.value());
    this.format = settings.indexNumberFormat();
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public String allocate(String agencyCode, LocalDate publishedOn) {
    String period =
        format.contains("{MM}")
            ? String.format("%04d%02d", publishedOn.getYear(), publishedOn.getMonthValue())
            : String.format("%04d", publishedOn.getYear());
    ensureCounter(agencyCode, period);
    jdbc.sql(
            "UPDATE index_number_sequence SET last_value = last_value + 1 WHERE prefix = ? AND period = ?")
        .params(agencyCode, period)
        .update();
    int sequence =
        jdbc.sql("SELECT last_value FROM index_number_sequence WHERE prefix = ? AND period = ?")
            .params(agencyCode, period)
            .query(Integer.class)
            .single();
    return format(agencyCode, publishedOn, sequence);
  }

  String format(String agencyCode, LocalDate date, int sequence) {
    Matcher m = SEQ.matcher(format);
    m.find();
    int width = Integer.parseInt(m.group(1));
    String seq = String.format("%0" + width + "d", sequence);
    return format
        .replace("{code}", agencyCode)
        .replace("{yyyy}", String.format("%04d", date.getYear()))
        .replace("{MM}", String.format("%02d", date.getMonthValue()))
        .replace(m.group(), seq);
  }

  /**
   * Moves the counter of the number's period past an index number kept from an old site, so that
   * the next number allocated does not collide with it. A number of another shape (another agency's
   * code, an old format) leaves every counter as it is.
   */
  @Transactional(propagation = Propagation.MANDATORY)
  public void movePast(String agencyCode, String indexNumber) {
    Matcher shape = shape(agencyCode).matcher(indexNumber);
    if (!shape.matches()) {
      return;
    }
    String period = shape.group("year") + (format.contains("{MM}") ? shape.group("month") : "");
    int sequence;
    try {
      sequence = Integer.parseInt(shape.group("seq"));
    } catch (NumberFormatException tooLong) {
      return;
    }
    ensureCounter(agencyCode, period);
    jdbc.sql(
            "UPDATE index_number_sequence SET last_value = ? WHERE prefix = ? AND period = ? AND last_value < ?")
        .params(sequence, agencyCode, period, sequence)
        .update();
  }

  /**
   * The format as a pattern with the agency's code in it and the year, month and sequence named.
   */
  private Pattern shape(String agencyCode) {
    StringBuilder regex = new StringBuilder();
    Matcher parts = Pattern.compile("\\{code}|\\{yyyy}|\\{MM}|\\{seq:\\d+}").matcher(format);
    int at = 0;
    while (parts.find()) {
      regex.append(Pattern.quote(format.substring(at, parts.start())));
      String part = parts.group();
      regex.append(
          switch (part) {
            case "{code}" -> Pattern.quote(agencyCode);
            case "{yyyy}" -> "(?<year>\\d{4})";
            case "{MM}" -> "(?<month>\\d{2})";
            default -> "(?<seq>\\d{1,9})";
          });
      at = parts.end();
    }
    regex.append(Pattern.quote(format.substring(at)));
    return Pattern.compile(regex.toString());
  }

  /** The counter row is created in its own transaction so that a lost insert race harms nobody. */
  private void ensureCounter(String prefix, String period) {
    boolean exists =
        jdbc.sql("SELECT COUNT(*) FROM index_number_sequence WHERE prefix = ? AND period = ?")
                .params(prefix, period)
                .query(Long.class)
                .single()
            > 0;
    if (exists) {
      return;
    }
    try {
      newTransaction.executeWithoutResult(
          tx ->
              jdbc.sql(
                      "INSERT INTO index_number_sequence (prefix, period, last_value) VALUES (?, ?, 0)")
                  .params(prefix, period)
                  .update());
    } catch (DuplicateKeyException raceLost) {
      // another publication created the row first; use it
    }
  }
}
