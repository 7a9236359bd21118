package org.gongkai.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.gongkai.foi.ApplicantType;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestTable;

class ReportProperties {

  private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
  private static final LocalDate LAST = LocalDate.of(2025, 12, 31);

  @Property(tries = 300)
  void anyRequestHistoryYieldsATableThreeThatPassesTheRules(
      @ForAll("histories") List<RequestTable.Fact> facts, @ForAll ReportFormat format) {
    RequestTable table = RequestTable.of(facts, FIRST, LAST);
    List<AnnualReport.Table3Row> table3 = ReportTables.table3(table, format);
    assertThat(table3).hasSize(format == ReportFormat.V2021 ? 25 : 23);
    assertThat(
            ConsistencyRules.check(
                table3, consistentTable4(), filledTable2(format), writtenSections(), null))
        .isEmpty();
  }

  @Property(tries = 100)
  void aTamperedCellIsCaught(
      @ForAll("histories") List<RequestTable.Fact> facts, @ForAll ReportFormat format) {
    List<AnnualReport.Table3Row> table3 =
        new ArrayList<>(ReportTables.table3(RequestTable.of(facts, FIRST, LAST), format));
    AnnualReport.Table3Row received = table3.get(0);
    List<Integer> cells = new ArrayList<>(received.cells());
    cells.set(0, cells.get(0) + 1);
    table3.set(0, new AnnualReport.Table3Row(received.key(), cells));
    assertThat(
            ConsistencyRules.check(
                table3, consistentTable4(), filledTable2(format), writtenSections(), null))
        .extracting(AnnualReport.Violation::rule)
        .contains("T3_BALANCE", "T3_COLUMNS");
  }

  /**
   * A carry-over that differs from the 结转下年度 the previous report published is a violation shown on
   * the cell, and no other row is changed to hide it.
   */
  @Property(tries = 200)
  void aCarryOverThatDiffersFromThePublishedFigureIsShownNotMoved(
      @ForAll("histories") List<RequestTable.Fact> facts,
      @ForAll ReportFormat format,
      @ForAll @IntRange(min = 1, max = 5) int difference) {
    List<AnnualReport.Table3Row> table3 =
        ReportTables.table3(RequestTable.of(facts, FIRST, LAST), format);
    List<Integer> over = row(table3, "CARRIED_OVER");
    List<Integer> published = new ArrayList<>(over);
    published.set(0, over.get(0) + difference);
    published.set(6, over.get(6) + difference);
    assertThat(
            ConsistencyRules.check(
                table3, consistentTable4(), filledTable2(format), writtenSections(), published))
        .extracting(AnnualReport.Violation::rule)
        .containsOnly("T3_CARRY_OVER");
    assertThat(row(table3, "RECEIVED").stream().allMatch(c -> c >= 0)).isTrue();
  }

  /**
   * Counted from the histories, conclusions and reopenings included, each year carries into the
   * next exactly what the next carries over, so a report that follows a published one passes the
   * carry-over rule without any adjustment.
   */
  @Property(tries = 200)
  void eachYearCarriesForwardWhatTheNextCarriesOver(
      @ForAll("reopenedHistories") List<RequestTable.Fact> facts, @ForAll ReportFormat format) {
    List<AnnualReport.Table3Row> thisYear =
        ReportTables.table3(RequestTable.of(facts, FIRST, LAST), format);
    List<AnnualReport.Table3Row> nextYear =
        ReportTables.table3(RequestTable.of(facts, FIRST.plusYears(1), LAST.plusYears(1)), format);
    assertThat(row(nextYear, "CARRIED_OVER")).isEqualTo(row(thisYear, "CARRIED_FORWARD"));
    assertThat(
            ConsistencyRules.check(
                nextYear,
                consistentTable4(),
                filledTable2(format),
                writtenSections(),
                row(thisYear, "CARRIED_FORWARD")))
        .isEmpty();
    assertThat(
            ConsistencyRules.check(
                thisYear, consistentTable4(), filledTable2(format), writtenSections(), null))
        .isEmpty();
  }

  /** Requests concluded, reopened and concluded again, over three years. */
  @Provide
  Arbitrary<List<RequestTable.Fact>> reopenedHistories() {
    Arbitrary<LocalDate> received = Arbitraries.integers().between(-400, 700).map(FIRST::plusDays);
    Arbitrary<List<Integer>> gaps = Arbitraries.integers().between(0, 200).list().ofMaxSize(5);
    Arbitrary<RequestTable.Fact> fact =
        Combinators.combine(
                Arbitraries.of(ApplicantType.class), received, gaps, Arbitraries.of(Outcome.class))
            .as(
                (type, on, steps, outcome) -> {
                  List<RequestTable.Change> changes = new ArrayList<>();
                  LocalDate day = on;
                  for (int i = 0; i < steps.size(); i++) {
                    day = day.plusDays(steps.get(i));
                    changes.add(new RequestTable.Change(day, i % 2 == 0 ? outcome : null));
                  }
                  return new RequestTable.Fact(type, on, changes);
                });
    return fact.list().ofMaxSize(60);
  }

  private static List<Integer> row(List<AnnualReport.Table3Row> rows, String key) {
    return rows.stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow().cells();
  }

  @Provide
  Arbitrary<List<RequestTable.Fact>> histories() {
    Arbitrary<LocalDate> received = Arbitraries.integers().between(-400, 364).map(FIRST::plusDays);
    Arbitrary<Integer> taken = Arbitraries.integers().between(-1, 200);
    Arbitrary<RequestTable.Fact> fact =
        Combinators.combine(
                Arbitraries.of(ApplicantType.class), received, taken, Arbitraries.of(Outcome.class))
            .as(
                (type, on, days, outcome) ->
                    days < 0
                        ? new RequestTable.Fact(type, on, null, null)
                        : new RequestTable.Fact(type, on, on.plusDays(days), outcome));
    return fact.list().ofMaxSize(60);
  }

  private static List<AnnualReport.Table4Row> consistentTable4() {
    return List.of(
        new AnnualReport.Table4Row("RECONSIDERATION", List.of(1, 2, 0, 1, 4)),
        new AnnualReport.Table4Row("LITIGATION_DIRECT", List.of(0, 0, 0, 0, 0)),
        new AnnualReport.Table4Row("LITIGATION_AFTER_RECONSIDERATION", List.of(0, 1, 0, 0, 1)));
  }

  private static List<AnnualReport.Table2Block> filledTable2(ReportFormat format) {
    return format.table2().stream()
        .map(
            b ->
                new AnnualReport.Table2Block(
                    b.key(),
                    b.columns(),
                    b.rows().stream()
                        .map(
                            r ->
                                new AnnualReport.Table2Row(
                                    r, b.columns().stream().map(c -> BigDecimal.ONE).toList()))
                        .toList()))
        .toList();
  }

  private static Map<String, String> writtenSections() {
    return Map.of("ONE", "text", "FIVE", "text", "SIX", "text");
  }
}
