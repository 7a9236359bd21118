package org.gongkai.console.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.account.WorkQueue;
import org.gongkai.audit.AuditTrail;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.catalog.EditionState;
import org.gongkai.catalog.Editorial;
import org.gongkai.catalog.EditorialQuery;
import org.gongkai.foi.InformationRequests;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class ConsoleHomeController {

  private final Editorial editorial;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final InformationRequests requests;
  private final WorkingCalendar calendar;
  private final Clock clock;
  private final ConsoleNavigation navigation;

  ConsoleHomeController(
      Editorial editorial,
      StaffAccess access,
      AuditTrail audit,
      InformationRequests requests,
      WorkingCalendar calendar,
      Clock clock,
      ConsoleNavigation navigation) {
    this.navigation = navigation;
    this.editorial = editorial;
    this.requests = requests;
    this.calendar = calendar;
    this.clock = clock;
    this.access = access;
    this.audit = audit;
  }

  @GetMapping("/console")
  String home(Model model, HttpServletRequest request) {
    Staff me = access.current();
    Map<EditionState, Long> counts = new EnumMap<>(EditionState.class);
    for (EditionState state :
        new EditionState[] {
          EditionState.DRAFT, EditionState.SUBMITTED, EditionState.APPROVED, EditionState.SCHEDULED
        }) {
      counts.put(state, editorial.list(new EditorialQuery(null, state, null, 1, 1), me).total());
    }
    model.addAttribute("counts", counts);
    model.addAttribute(
        "waiting",
        editorial.list(new EditorialQuery(null, EditionState.SUBMITTED, null, 1, 10), me));
    model.addAttribute("workload", requests.workload(me));
    model.addAttribute("todo", todo(navigation.openWork(request, me)));
    if (me.isPlatformAdmin()) {
      model.addAttribute("recentAudit", audit.latest(15));
      int year = LocalDate.now(clock).getYear();
      model.addAttribute("missingYears", calendar.missingYears(year, year + 1));
    } else {
      model.addAttribute("missingYears", List.of());
    }
    return "console/home";
  }

  /** One section of the to-do page: its kinds of work with their first items. */
  record SectionWork(WorkQueue.Section section, List<WorkQueue.Work> work) {}

  /**
   * The member of staff's open work, section by section in the navigation's order, kinds with
   * nothing left out.
   */
  private static List<SectionWork> todo(List<ConsoleNavigation.QueueWork> open) {
    Map<WorkQueue.Section, List<WorkQueue.Work>> bySection = new EnumMap<>(WorkQueue.Section.class);
    for (ConsoleNavigation.QueueWork q : open) {
      if (q.work().total() > 0) {
        bySection.computeIfAbsent(q.section(), s -> new ArrayList<>()).add(q.work());
      }
    }
    List<SectionWork> sections = new ArrayList<>();
    bySection.forEach((section, work) -> sections.add(new SectionWork(section, work)));
    return sections;
  }
}
