package org.gongkai.monitor.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.WordingCheck;
import org.gongkai.monitor.WordList;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.Refusal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The editable word lists: forbidden words, frequent misspellings (with the right spelling), and
 * leaders' names with their titles, where a name followed by another leader's title is a serious
 * wording error. The same check runs for the monitor and for the editor before submitting.
 */
@Service
class WordLists implements WordingCheck {

  record Word(long id, WordList list, String term, String replacement) {}

  private final JdbcClient jdbc;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final Clock clock;

  WordLists(
      JdbcClient jdbc,
      StaffAccess access,
      AuditTrail audit,
      TransactionTemplate transactions,
      Clock clock) {
    this.jdbc = jdbc;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.clock = clock;
  }

  List<Word> all() {
    return jdbc.sql("SELECT id, list, term, replacement FROM monitor_word ORDER BY list, term")
        .query(
            (rs, i) ->
                new Word(
                    rs.getLong(1),
                    WordList.valueOf(rs.getString(2)),
                    rs.getString(3),
                    rs.getString(4)))
        .list();
  }

  long add(WordList list, String term, String replacement, Staff actor) {
    access.requirePlatformAdmin(actor);
    if (list == null || term == null || term.isBlank() || term.length() > 100) {
      throw Refusal.invalidField("term", "monitor.word.required");
    }
    if (list != WordList.FORBIDDEN
        && list != WordList.PROHIBITED
        && (replacement == null || replacement.isBlank())) {
      throw Refusal.invalidField("replacement", "monitor.word.replacement");
    }
    return transactions.execute(
        tx -> {
          GeneratedKeyHolder keys = new GeneratedKeyHolder();
          jdbc.sql(
                  "INSERT INTO monitor_word (list, term, replacement, created_by, created_at) VALUES (?, ?, ?, ?, ?)")
              .params(
                  list.name(),
                  term.strip(),
                  replacement == null || replacement.isBlank() ? null : replacement.strip(),
                  actor.username(),
                  Timestamps.toDb(Instant.now(clock)))
              .update(keys, "id");
          long id = keys.getKey().longValue();
          audit.record(
              actor.username(),
              "monitor.word.added",
              "monitor-word",
              id,
              list + " " + term.strip());
          return id;
        });
  }

  void remove(long id, Staff actor) {
    access.requirePlatformAdmin(actor);
    transactions.executeWithoutResult(
        tx -> {
          jdbc.sql("DELETE FROM monitor_word WHERE id = ?").param(id).update();
          audit.record(actor.username(), "monitor.word.removed", "monitor-word", id, null);
        });
  }

  @Override
  public List<Issue> check(String text) {
    return check(text, all());
  }

  static List<Issue> check(String text, List<Word> words) {
    List<Issue> issues = new ArrayList<>();
    if (text == null || text.isEmpty()) {
      return issues;
    }
    Set<String> titles =
        new TreeSet<>(
            (a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b));
    words.stream()
        .filter(w -> w.list() == WordList.LEADER)
        .forEach(w -> titles.add(w.replacement()));
    for (Word w : words) {
      switch (w.list()) {
        case FORBIDDEN, MISSPELLING, PROHIBITED -> {
          if (text.contains(w.term())) {
            issues.add(new Issue(w.list().name(), w.term(), w.replacement()));
          }
        }
        case LEADER -> {
          int at = text.indexOf(w.term());
          while (at >= 0) {
            String after = text.substring(at + w.term().length());
            for (String title : titles) {
              if (after.startsWith(title)) {
                if (!title.equals(w.replacement())) {
                  issues.add(
                      new Issue(w.list().name(), w.term() + title, w.term() + w.replacement()));
                }
                break;
              }
            }
            at = text.indexOf(w.term(), at + 1);
          }
        }
        default -> {}
      }
    }
    return issues;
  }
}
