package org.gongkai.foi.internal;

import java.time.YearMonth;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's monthly FOI statistics: an agency's month, the overview, and filing a month. */
@Controller
@RequestMapping("/console/foi")
class FoiStatisticsConsoleController {

  private final RequestQueries service;
  private final JdbcFoiStatistics statistics;
  private final AgencyDirectory agencies;
  private final StaffAccess access;

  FoiStatisticsConsoleController(
      RequestQueries service,
      JdbcFoiStatistics statistics,
      AgencyDirectory agencies,
      StaffAccess access) {
    this.service = service;
    this.statistics = statistics;
    this.agencies = agencies;
    this.access = access;
  }

  @GetMapping("/statistics")
  String statisticsPage(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String month,
      Model model) {
    Staff me = access.current();
    YearMonth shown =
        month == null || month.isBlank()
            ? YearMonth.from(service.today()).minusMonths(1)
            : StatisticsAdminApi.month(month);
    var choice = access.chooseAgency(me, agency);
    model.addAttribute("month", shown.toString());
    model.addAttribute("agencies", choice.agencies());
    model.addAttribute("selected", choice.selected());
    model.addAttribute("stats", statistics.month(choice.selected().id(), shown));
    model.addAttribute("overview", statistics.overview(shown, me));
    return "foi/console-statistics";
  }

  @PostMapping("/statistics")
  String fileMonth(
      @RequestParam String agency, @RequestParam String month, RedirectAttributes redirect) {
    try {
      Agency a =
          agencies.findByCode(agency).orElseThrow(() -> Refusal.notFound("agency.not-found"));
      statistics.file(a.id(), StatisticsAdminApi.month(month), access.current());
      redirect.addFlashAttribute("notice", "foi.statistics.filed");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/foi/statistics?agency=" + agency + "&month=" + month;
  }
}
