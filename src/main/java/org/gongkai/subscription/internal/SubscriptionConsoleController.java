package org.gongkai.subscription.internal;

import java.util.List;
import java.util.Map;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.topic.Topics;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Subscriptions in figures for platform administrators: active, waiting and ended subscriptions,
 * mails sent and failed, and active subscriptions per agency, column and topic. No address is
 * shown.
 */
@Controller
class SubscriptionConsoleController {

  private final SubscriptionFigures figures;
  private final StaffAccess access;
  private final AgencyDirectory agencies;
  private final Topics topics;

  SubscriptionConsoleController(
      SubscriptionFigures figures, StaffAccess access, AgencyDirectory agencies, Topics topics) {
    this.figures = figures;
    this.access = access;
    this.agencies = agencies;
    this.topics = topics;
  }

  record Line(String name, String agency, long count) {}

  @GetMapping("/console/subscriptions")
  String figures(Model model) {
    access.requirePlatformAdmin(access.current());
    Map<String, Long> states = figures.byState();
    Map<String, Long> mails = figures.mailsByState();
    model.addAttribute("confirmed", states.getOrDefault("CONFIRMED", 0L));
    model.addAttribute("pending", states.getOrDefault("PENDING", 0L));
    model.addAttribute("unsubscribed", states.getOrDefault("UNSUBSCRIBED", 0L));
    model.addAttribute("stopped", states.getOrDefault("STOPPED", 0L));
    model.addAttribute("mailsSent", mails.getOrDefault("SENT", 0L));
    model.addAttribute("mailsFailed", mails.getOrDefault("FAILED", 0L));
    model.addAttribute(
        "mailsWaiting", mails.getOrDefault("PENDING", 0L) + mails.getOrDefault("SENDING", 0L));
    model.addAttribute("queries", figures.confirmedQueries());
    List<Line> byAgency =
        figures.confirmedByAgency().stream()
            .map(
                c ->
                    new Line(
                        agencies.find(c.id()).map(a -> a.name()).orElse("#" + c.id()),
                        null,
                        c.count()))
            .toList();
    List<Line> byColumn =
        figures.confirmedByColumn().stream()
            .map(
                c -> {
                  var column = agencies.column(c.id());
                  return new Line(
                      column.map(x -> x.name()).orElse("#" + c.id()),
                      column
                          .flatMap(x -> agencies.find(x.agencyId()))
                          .map(a -> a.name())
                          .orElse(""),
                      c.count());
                })
            .toList();
    model.addAttribute("byAgency", byAgency);
    model.addAttribute("byColumn", byColumn);
    model.addAttribute(
        "byTopic",
        figures.confirmedByTopic().stream()
            .map(
                c -> {
                  var topic = topics.published(c.id());
                  return new Line(
                      topic.map(t -> t.live().title()).orElse("#" + c.id()),
                      topic.flatMap(t -> agencies.find(t.agencyId())).map(a -> a.name()).orElse(""),
                      c.count());
                })
            .toList());
    return "subscription/console";
  }
}
