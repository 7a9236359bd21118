package org.gongkai.console.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.account.WorkQueue;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The console's side navigation, grouped by task, with how much open work each group holds for the
 * member of staff (from every module's {@link WorkQueue}).
 */
@ControllerAdvice(annotations = Controller.class)
class ConsoleNavigation {

  /** Who sees a link. */
  enum Audience {
    EVERYONE(s -> true),
    ADMINISTRATORS(s -> s.role().administers()),
    PLATFORM_ADMIN(Staff::isPlatformAdmin);

    private final Predicate<Staff> test;

    Audience(Predicate<Staff> test) {
      this.test = test;
    }

    public boolean shows(Staff staff) {
      return staff != null && test.test(staff);
    }
  }

  record Link(String path, String label, Audience audience) {}

  record Group(WorkQueue.Section section, List<Link> links) {}

  static final List<Group> GROUPS = List.of(
      new Group(WorkQueue.Section.PUBLISHING, List.of(
          new Link("/console/documents", "console.documents", Audience.EVERYONE),
          new Link("/console/documents/new", "console.documents.new", Audience.EVERYONE))),
      new Group(WorkQueue.Section.REQUESTS, List.of(
          new Link("/console/foi", "console.foi", Audience.EVERYONE))),
      new Group(WorkQueue.Section.INTERACTION, List.of(
          new Link("/console/consultations", "console.consultations", Audience.EVERYONE),
          new Link("/console/mailbox", "console.mailbox", Audience.EVERYONE),
          new Link("/console/interviews", "console.interviews", Audience.EVERYONE))),
      new Group(WorkQueue.Section.POWERS, List.of(
          new Link("/console/powers", "console.powers", Audience.EVERYONE))),
      new Group(WorkQueue.Section.SUPERVISION, List.of(
          new Link("/console/monitor", "console.monitor", Audience.EVERYONE),
          new Link("/console/assessments", "console.assessments", Audience.EVERYONE))),
      new Group(WorkQueue.Section.REPORTS, List.of(
          new Link("/console/foi/statistics", "foi.console.statistics", Audience.EVERYONE),
          new Link("/console/reports", "console.reports", Audience.EVERYONE),
          new Link("/console/dashboard", "console.dashboard", Audience.EVERYONE))),
      new Group(WorkQueue.Section.SYSTEM, List.of(
          new Link("/console/agencies", "console.agencies", Audience.EVERYONE),
          new Link("/console/accounts", "console.accounts", Audience.ADMINISTRATORS),
          new Link("/console/calendar", "console.calendar", Audience.PLATFORM_ADMIN),
          new Link("/console/search", "console.search", Audience.PLATFORM_ADMIN),
          new Link("/console/backups", "console.backups", Audience.PLATFORM_ADMIN),
          new Link("/console/audit", "audit.title", Audience.PLATFORM_ADMIN),
          new Link("/console/second-factor", "account.second-factor", Audience.EVERYONE))));

  private final StaffAccess access;
  private final List<WorkQueue> queues;

  ConsoleNavigation(StaffAccess access, List<WorkQueue> queues) {
    this.access = access;
    this.queues = queues;
  }

  @ModelAttribute("navGroups")
  List<Group> groups(HttpServletRequest request) {
    return isConsole(request) ? GROUPS : null;
  }

  /** Open work per group and per list, counted for the console's pages only. */
  @ModelAttribute("workCounts")
  Counts workCounts(HttpServletRequest request) {
    if (!isConsole(request) || !"GET".equals(request.getMethod())) {
      return null;
    }
    return access.currentIfAny().map(this::counts).orElse(null);
  }

  /** How much open work each group and each list holds. */
  record Counts(Map<WorkQueue.Section, Long> sections, Map<String, Long> lists) {
    public long section(WorkQueue.Section section) {
      return sections.getOrDefault(section, 0L);
    }

    public long list(String path) {
      return lists.getOrDefault(path, 0L);
    }
  }

  Counts counts(Staff staff) {
    Map<WorkQueue.Section, Long> sections = new EnumMap<>(WorkQueue.Section.class);
    Map<String, Long> lists = new java.util.HashMap<>();
    for (WorkQueue queue : queues) {
      for (WorkQueue.Work work : queue.open(staff, 0)) {
        sections.merge(queue.section(), work.total(), Long::sum);
        lists.merge(work.list(), work.total(), Long::sum);
      }
    }
    return new Counts(sections, lists);
  }

  private static boolean isConsole(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.equals("/console") || path.startsWith("/console/");
  }
}
