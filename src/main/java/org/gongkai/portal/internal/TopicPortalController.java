package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.ZoneId;
import org.gongkai.shared.web.AtomFeed;
import org.gongkai.shared.web.PublicPage;
import org.gongkai.topic.Topic;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The public pages of topics (专题): the list, each topic's page and its Atom feed. */
@Controller
@PublicPage
class TopicPortalController {

  static final int FEED_SIZE = 50;

  private final TopicPages pages;
  private final ServingSite site;
  private final java.time.Clock clock;

  TopicPortalController(TopicPages pages, ServingSite site, java.time.Clock clock) {
    this.pages = pages;
    this.site = site;
    this.clock = clock;
  }

  @GetMapping("/topics")
  String list(Model model, HttpServletRequest request) {
    model.addAttribute("topics", pages.shown(request));
    model.addAttribute("today", java.time.LocalDate.now(clock));
    return "portal/topics";
  }

  @GetMapping("/topics/{slug}")
  String show(@PathVariable String slug, Model model, HttpServletRequest request) {
    Topic topic = pages.require(slug, request);
    model.addAttribute("p", pages.page(topic, request));
    return "portal/topic";
  }

  @GetMapping("/topics/{slug}/feed.atom")
  ResponseEntity<String> feed(@PathVariable String slug, HttpServletRequest request) {
    Topic topic = pages.require(slug, request);
    ServingSite.SiteView serving = site.require(request);
    String base = serving.address();
    ZoneId zone = clock.getZone();
    return AtomFeed.answer(
        topic.live().title() + " - " + serving.getName(),
        base + "/topics/" + topic.slug(),
        base + "/topics/" + topic.slug(),
        base + request.getRequestURI(),
        topic.live().title(),
        pages.newest(topic, FEED_SIZE, request).stream()
            .map(
                i ->
                    new AtomFeed.Entry(
                        i.title(),
                        "urn:gongkai:document:" + i.summary().indexNumber(),
                        i.href().startsWith("/") ? base + i.href() : i.href(),
                        i.summary().updatedAt() != null
                            ? i.summary().updatedAt()
                            : i.publishedOn().atStartOfDay(zone).toInstant(),
                        (i.docNumber() == null ? "" : i.docNumber() + " ")
                            + i.summary().indexNumber()
                            + " "
                            + i.agency()))
            .toList());
  }
}
