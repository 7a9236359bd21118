package org.gongkai.console.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
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

  static final List<Group> GROUPS =
      List.of(
          new Group(
              WorkQueue.Section.PUBLISHING,
              List.of(
                  new Link("/console/documents", "console.documents", Audience.EVERYONE),
                  new Link("/console/documents/new", "console.documents.new", Audience.EVERYONE),
                  new Link("/console/offers", "console.offers", Audience.EVERYONE),
                  new Link("/console/topics", "console.topics", Audience.EVERYONE),
                  new Link("/console/redactions", "console.redactions", Audience.EVERYONE))),
          new Group(
              WorkQueue.Section.REQUESTS,
              List.of(new Link("/console/foi", "console.foi", Audience.EVERYONE))),
          new Group(
              WorkQueue.Section.INTERACTION,
              List.of(
                  new Link("/console/consultations", "console.consultations", Audience.EVERYONE),
                  new Link("/console/mailbox", "console.mailbox", Audience.EVERYONE),
                  new Link("/console/interviews", "console.interviews", Audience.EVERYONE))),
          new Group(
              WorkQueue.Section.POWERS,
              List.of(
                  new Link("/console/powers", "console.powers", Audience.EVERYONE),
                  new Link("/console/decisions", "console.decisions", Audience.EVERYONE))),
          new Group(
              WorkQueue.Section.SUPERVISION,
              List.of(
                  new Link("/console/monitor", "console.monitor", Audience.EVERYONE),
                  new Link("/console/assessments", "console.assessments", Audience.EVERYONE))),
          new Group(
              WorkQueue.Section.REPORTS,
              List.of(
                  new Link("/console/foi/statistics", "foi.console.statistics", Audience.EVERYONE),
                  new Link("/console/reports", "console.reports", Audience.EVERYONE),
                  new Link("/console/dashboard", "console.dashboard", Audience.EVERYONE),
                  new Link("/console/analytics", "console.analytics", Audience.EVERYONE),
                  new Link(
                      "/console/website-reports", "console.website-reports", Audience.EVERYONE),
                  new Link(
                      "/console/subscriptions", "console.subscriptions", Audience.PLATFORM_ADMIN))),
          new Group(
              WorkQueue.Section.SYSTEM,
              List.of(
                  new Link("/console/agencies", "console.agencies", Audience.EVERYONE),
                  new Link("/console/accounts", "console.accounts", Audience.ADMINISTRATORS),
                  new Link("/console/sites", "console.sites", Audience.ADMINISTRATORS),
                  new Link("/console/imports", "console.imports", Audience.ADMINISTRATORS),
                  new Link("/console/calendar", "console.calendar", Audience.PLATFORM_ADMIN),
                  new Link("/console/search", "console.search", Audience.PLATFORM_ADMIN),
                  new Link("/console/backups", "console.backups", Audience.PLATFORM_ADMIN),
                  new Link(
                      "/console/web-archives", "console.web-archives", Audience.PLATFORM_ADMIN),
                  new Link("/console/webhooks", "console.webhooks", Audience.PLATFORM_ADMIN),
                  new Link("/console/audit", "audit.title", Audience.PLATFORM_ADMIN),
                  new Link("/console/second-factor", "account.second-factor", Audience.EVERYONE),
                  new Link(
                      "/console/password", "account.password.change.title", Audience.EVERYONE))));

  /** How many items of each kind of work the home page lists. */
  static final int HOME_ITEMS = 10;

  private static final String OPEN_WORK = ConsoleNavigation.class.getName() + ".openWork";

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
    return access.currentIfAny().map(staff -> counts(openWork(request, staff))).orElse(null);
  }

  /** One queue's open work of one kind. */
  record QueueWork(WorkQueue.Section section, WorkQueue.Work work) {}

  /**
   * Every queue's open work for the member of staff, read once per request: the navigation counts
   * it on every console page, and the home page, which lists the first items of each kind, reads
   * them in the same pass.
   */
  List<QueueWork> openWork(HttpServletRequest request, Staff staff) {
    @SuppressWarnings("unchecked")
    List<QueueWork> read = (List<QueueWork>) request.getAttribute(OPEN_WORK);
    if (read == null) {
      int items = path(request).equals("/console") ? HOME_ITEMS : 0;
      read = new ArrayList<>();
      for (WorkQueue queue : queues) {
        for (WorkQueue.Work work : queue.open(staff, items)) {
          read.add(new QueueWork(queue.section(), work));
        }
      }
      read = List.copyOf(read);
      request.setAttribute(OPEN_WORK, read);
    }
    return read;
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

  private static Counts counts(List<QueueWork> open) {
    Map<WorkQueue.Section, Long> sections = new EnumMap<>(WorkQueue.Section.class);
    Map<String, Long> lists = new HashMap<>();
    for (QueueWork q : open) {
      sections.merge(q.section(), q.work().total(), Long::sum);
      lists.merge(q.work().list(), q.work().total(), Long::sum);
    }
    return new Counts(sections, lists);
  }

  private static boolean isConsole(HttpServletRequest request) {
    String path = path(request);
    return path.equals("/console") || path.startsWith("/console/");
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }
}
