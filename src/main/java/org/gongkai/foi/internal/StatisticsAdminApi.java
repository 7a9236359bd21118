package org.gongkai.foi.internal;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.foi.MonthlyStatistics;
import org.gongkai.shared.web.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Monthly statistics in the structure of table 三, their filing (a zero report included) and the
 * office's overview.
 */
@RestController
@RequestMapping("/api/v1/admin/foi/statistics")
class StatisticsAdminApi {

  private final JdbcFoiStatistics statistics;
  private final StaffAccess access;
  private final AgencyDirectory agencies;

  StatisticsAdminApi(JdbcFoiStatistics statistics, StaffAccess access, AgencyDirectory agencies) {
    this.statistics = statistics;
    this.access = access;
    this.agencies = agencies;
  }

  @GetMapping
  MonthlyStatistics statistics(@RequestParam String agency, @RequestParam String month) {
    Agency a = agency(agency);
    access.requireAgency(access.current(), a.id());
    return statistics.month(a.id(), month(month));
  }

  @PostMapping("/filings")
  @ResponseStatus(HttpStatus.CREATED)
  MonthlyStatistics file(@RequestParam String agency, @RequestParam String month) {
    return statistics.file(agency(agency).id(), month(month), access.current());
  }

  @GetMapping("/overview")
  List<MonthlyStatistics> overview(@RequestParam String month) {
    return statistics.overview(month(month), access.current());
  }

  private Agency agency(String code) {
    return agencies.findByCode(code.trim()).orElseThrow(() -> Refusal.notFound("agency.not-found"));
  }

  static YearMonth month(String month) {
    try {
      return YearMonth.parse(month.trim());
    } catch (DateTimeParseException e) {
      throw Refusal.invalidField("month", "foi.month.invalid");
    }
  }
}
