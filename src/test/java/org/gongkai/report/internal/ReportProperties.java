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
    List<AnnualReport.Table3Row> table3 = AnnualReports.table3(table, format);
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
        new ArrayList<>(AnnualReports.table3(RequestTable.of(facts, FIRST, LAST), format));
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
   * Next year's 上年结转 is the published 结转下年度, whatever was recorded after publication about the
   * previous year; the table still balances and the carry-over rule holds.
   */
  @Property(tries = 200)
  void theCarryOverIsThePublishedFigureAndTheTableStillBalances(
      @ForAll("histories") List<RequestTable.Fact> facts,
      @ForAll ReportFormat format,
      @ForAll @IntRange(min = 0, max = 5) int lateEntries) {
    List<AnnualReport.Table3Row> computed =
        AnnualReports.table3(RequestTable.of(facts, FIRST, LAST), format);
    List<Integer> over =
        computed.stream()
            .filter(r -> r.key().equals("CARRIED_OVER"))
            .findFirst()
            .orElseThrow()
            .cells();
    List<Integer> published = new ArrayList<>(over);
    // What the previous report published lacks the applications registered after it went out.
    int column = 0;
    published.set(column, Math.max(0, over.get(column) - lateEntries));
    published.set(6, published.subList(0, 6).stream().mapToInt(Integer::intValue).sum());
    List<AnnualReport.Table3Row> adjusted = AnnualReports.carryOverAsPublished(computed, published);
    assertThat(
            adjusted.stream()
                .filter(r -> r.key().equals("CARRIED_OVER"))
                .findFirst()
                .orElseThrow()
                .cells())
        .isEqualTo(published);
    assertThat(
            ConsistencyRules.check(
                adjusted, consistentTable4(), filledTable2(format), writtenSections(), published))
        .isEmpty();
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
