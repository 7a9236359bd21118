package org.gongkai.calendar.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.audit.AuditTrail;
import org.gongkai.calendar.CalendarChanged;
import org.gongkai.calendar.CalendarDay;
import org.gongkai.calendar.DayKind;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.calendar.WorkingDays;
import org.gongkai.shared.time.Timestamps;
import org.gongkai.shared.web.Refusal;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The calendar lives in the database (so that the admin's entries survive upgrades) and is read
 * from an in-memory snapshot (so that counting a deadline costs no query). Years shipped with the
 * platform are inserted on start-up unless already present; an admin's edits are never overwritten.
 */
@Service
class JdbcWorkingCalendar implements WorkingCalendar, InitializingBean {

  private static final String SHIPPED = "SHIPPED";
  private static final String ADMIN = "ADMIN";

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private volatile WorkingDays snapshot = WorkingDays.weekendsOnly();

  JdbcWorkingCalendar(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      StaffAccess access,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.transactions = transactions;
    this.access = access;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void afterPropertiesSet() {
    for (Map.Entry<Integer, List<CalendarDay>> year : ShippedHolidays.byYear().entrySet()) {
      try {
        transactions.executeWithoutResult(tx -> seed(year.getKey(), year.getValue()));
      } catch (DuplicateKeyException anotherNodeWasFirst) {
        // The year is in the database already: nothing to do.
      }
    }
    reload();
  }

  private void seed(int year, List<CalendarDay> days) {
    boolean present =
        jdbc.sql("SELECT COUNT(*) FROM calendar_year WHERE announced_year = ?")
                .param(year)
                .query(Integer.class)
                .single()
            > 0;
    if (present) {
      return;
    }
    Instant now = Instant.now(clock);
    jdbc.sql("INSERT INTO calendar_year (announced_year, source, created_at) VALUES (?, ?, ?)")
        .params(year, SHIPPED, Timestamps.toDb(now))
        .update();
    for (CalendarDay day : days) {
      boolean taken =
          jdbc.sql("SELECT COUNT(*) FROM calendar_day WHERE the_date = ?")
                  .param(day.date())
                  .query(Integer.class)
                  .single()
              > 0;
      if (!taken) {
        insertDay(day, "system", now);
      }
    }
  }

  @Override
  public WorkingDays current() {
    return snapshot;
  }

  @Override
  public List<Integer> missingYears(int from, int to) {
    WorkingDays days = snapshot;
    return IntStream.rangeClosed(from, to).filter(y -> !days.isAnnounced(y)).boxed().toList();
  }

  @Override
  public void setDay(CalendarDay day, Staff actor) {
    access.requirePlatformAdmin(actor);
    if (day.date() == null || day.kind() == null) {
      throw Refusal.invalidField("date", "calendar.day.required");
    }
    if (day.name() == null || day.name().isBlank() || day.name().length() > 50) {
      throw Refusal.invalidField("name", "calendar.name.required");
    }
    transactions.executeWithoutResult(
        tx -> {
          Instant now = Instant.now(clock);
          jdbc.sql("DELETE FROM calendar_day WHERE the_date = ?").param(day.date()).update();
          insertDay(
              new CalendarDay(day.date(), day.kind(), day.name().trim()), actor.username(), now);
          ensureYear(day.date().getYear(), now);
          audit.record(
              actor.username(),
              "calendar.day.set",
              "calendar",
              day.date(),
              day.kind().name() + " " + day.name().trim());
          changed(day.date(), actor);
        });
  }

  @Override
  public void removeDay(LocalDate date, Staff actor) {
    access.requirePlatformAdmin(actor);
    transactions.executeWithoutResult(
        tx -> {
          int removed =
              jdbc.sql("DELETE FROM calendar_day WHERE the_date = ?").param(date).update();
          if (removed == 0) {
            throw Refusal.notFound("calendar.day.not-found");
          }
          audit.record(actor.username(), "calendar.day.removed", "calendar", date, null);
          changed(date, actor);
        });
  }

  @Override
  public void markAnnounced(int year, Staff actor) {
    access.requirePlatformAdmin(actor);
    transactions.executeWithoutResult(
        tx -> {
          ensureYear(year, Instant.now(clock));
          audit.record(actor.username(), "calendar.year.announced", "calendar", year, null);
          afterCommitReload();
        });
  }

  private void changed(LocalDate date, Staff actor) {
    afterCommitReload();
    events.publishEvent(new CalendarChanged(date, actor.username()));
  }

  /** Other transactions must not see a calendar that might still roll back. */
  private void afterCommitReload() {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            reload();
          }
        });
  }

  private void ensureYear(int year, Instant now) {
    boolean present =
        jdbc.sql("SELECT COUNT(*) FROM calendar_year WHERE announced_year = ?")
                .param(year)
                .query(Integer.class)
                .single()
            > 0;
    if (!present) {
      jdbc.sql("INSERT INTO calendar_year (announced_year, source, created_at) VALUES (?, ?, ?)")
          .params(year, ADMIN, Timestamps.toDb(now))
          .update();
    }
  }

  private void insertDay(CalendarDay day, String actor, Instant now) {
    jdbc.sql(
            "INSERT INTO calendar_day (the_date, kind, name, updated_by, updated_at) VALUES (?, ?, ?, ?, ?)")
        .params(day.date(), day.kind().name(), day.name(), actor, Timestamps.toDb(now))
        .update();
  }

  @Override
  public WorkingDays refresh() {
    reload();
    return snapshot;
  }

  private volatile String seen;

  /**
   * Other nodes' edits reach this one within seconds: a cheap look at how many days and years there
   * are and when a day last changed, and a full read only when that moved.
   */
  @Scheduled(
      fixedDelayString = "${gongkai.calendar.check:" + CalendarProperties.CHECK + "}",
      initialDelayString = "${gongkai.calendar.check:" + CalendarProperties.CHECK + "}")
  void followOtherNodes() {
    String now = fingerprint();
    if (!now.equals(seen)) {
      reload();
    }
  }

  private String fingerprint() {
    return jdbc.sql("SELECT COUNT(*), MAX(updated_at) FROM calendar_day")
            .query((rs, i) -> rs.getLong(1) + "/" + rs.getString(2))
            .single()
        + "/"
        + jdbc.sql("SELECT COUNT(*) FROM calendar_year").query(Long.class).single();
  }

  void reload() {
    String before = fingerprint();
    List<CalendarDay> days =
        jdbc.sql("SELECT the_date, kind, name FROM calendar_day")
            .query(
                (rs, i) ->
                    new CalendarDay(
                        rs.getObject("the_date", LocalDate.class),
                        DayKind.valueOf(rs.getString("kind")),
                        rs.getString("name")))
            .list();
    List<Integer> years =
        jdbc.sql("SELECT announced_year FROM calendar_year").query(Integer.class).list();
    snapshot = new WorkingDays(days, years);
    seen = before;
  }
}
