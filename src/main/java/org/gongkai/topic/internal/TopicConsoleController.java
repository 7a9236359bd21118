package org.gongkai.topic.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogQuery;
import org.gongkai.catalog.DocumentSummary;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.gongkai.topic.Topic;
import org.gongkai.topic.TopicContent;
import org.gongkai.topic.TopicItem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Topics in the console: the list with each topic's state and how many documents it gathers, a form
 * for a new one, and a topic's page with its draft, the workflow's buttons and its documents.
 */
@Controller
@RequestMapping("/console/topics")
class TopicConsoleController {

  /** How many of a topic's documents its console page lists. */
  static final int LISTED = 200;

  private final TopicService topics;
  private final StaffAccess access;
  private final AgencyDirectory agencies;
  private final Catalog catalog;
  private final Clock clock;

  TopicConsoleController(
      TopicService topics,
      StaffAccess access,
      AgencyDirectory agencies,
      Catalog catalog,
      Clock clock) {
    this.topics = topics;
    this.access = access;
    this.agencies = agencies;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** A line of the list: the topic, its agency's name, how many documents it gathers. */
  record Row(Topic topic, String agencyName, long items, boolean open) {}

  @GetMapping
  String list(Model model) {
    Staff me = access.current();
    Map<Long, Long> counts = topics.itemCounts();
    LocalDate today = LocalDate.now(clock);
    model.addAttribute(
        "rows",
        topics.visibleTo(me).stream()
            .map(
                t ->
                    new Row(
                        t,
                        agencies.get(t.agencyId()).name(),
                        counts.getOrDefault(t.id(), 0L),
                        t.live() != null && t.live().openOn(today)))
            .toList());
    model.addAttribute("agencies", access.agenciesInScope(me));
    model.addAttribute("today", today);
    return "topic/console-list";
  }

  @PostMapping
  String create(
      @RequestParam(required = false) String slug,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate opensOn,
      RedirectAttributes redirect) {
    try {
      Topic created =
          topics.create(
              slug,
              agency,
              new TopicContent(title, "", List.of(), List.of(), opensOn, null),
              access.current());
      redirect.addFlashAttribute("notice", "topic.created");
      return "redirect:/console/topics/" + created.id();
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
      return "redirect:/console/topics";
    }
  }

  @GetMapping("/{id}")
  String show(@PathVariable long id, Model model) {
    Staff me = access.current();
    Topic topic = topics.mine(id, me);
    List<TopicItem> items = topics.items(id);
    Map<Long, TopicItem> byDocument = new LinkedHashMap<>();
    items.stream().limit(LISTED).forEach(i -> byDocument.put(i.documentId(), i));
    List<DocumentSummary> published =
        byDocument.isEmpty()
            ? List.of()
            : catalog
                .published(
                    new CatalogQuery(Set.of(), null, null, null, null, 1, LISTED)
                        .withAlso(byDocument.keySet()))
                .items();
    model.addAttribute("topic", topic);
    model.addAttribute("agency", agencies.get(topic.agencyId()));
    model.addAttribute("items", items);
    model.addAttribute("itemsPublished", published);
    model.addAttribute("itemOf", byDocument);
    model.addAttribute("tags", String.join(", ", topic.draft().tags()));
    model.addAttribute("sections", sectionsText(topic.draft()));
    model.addAttribute("mayReview", me.role().reviews());
    return "topic/console-show";
  }

  @PostMapping("/{id}")
  String save(
      @PathVariable long id,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String introduction,
      @RequestParam(required = false) String tags,
      @RequestParam(required = false) String sections,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate opensOn,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate closesOn,
      RedirectAttributes redirect) {
    try {
      topics.edit(
          id,
          new TopicContent(
              title,
              introduction,
              List.of(tags == null ? "" : tags),
              sections(sections),
              opensOn,
              closesOn),
          access.current());
      redirect.addFlashAttribute("notice", "topic.saved");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/topics/" + id;
  }

  @PostMapping("/{id}/{step:submit|approve|reject|publish}")
  String step(
      @PathVariable long id,
      @PathVariable String step,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    Staff me = access.current();
    try {
      switch (step) {
        case "submit" -> topics.submit(id, me);
        case "approve" -> topics.approve(id, me);
        case "reject" -> topics.reject(id, reason, me);
        default -> topics.publish(id, me);
      }
      redirect.addFlashAttribute("notice", "topic." + step + ".done");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/topics/" + id;
  }

  @PostMapping("/{id}/items")
  String addItem(
      @PathVariable long id,
      @RequestParam(required = false) Long document,
      @RequestParam(required = false) String section,
      RedirectAttributes redirect) {
    try {
      topics.addItem(id, document, section, access.current());
      redirect.addFlashAttribute("notice", "topic.item.added");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/topics/" + id + "#items";
  }

  @PostMapping("/{id}/items/{documentId}/remove")
  String removeItem(
      @PathVariable long id, @PathVariable long documentId, RedirectAttributes redirect) {
    try {
      topics.removeItem(id, documentId, access.current());
      redirect.addFlashAttribute("notice", "topic.item.removed");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/topics/" + id + "#items";
  }

  /** Sections as the form writes them: one a line, its name, a colon, then its tags. */
  static List<TopicContent.Section> sections(String typed) {
    List<TopicContent.Section> sections = new ArrayList<>();
    if (typed == null) {
      return sections;
    }
    for (String line : typed.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.split("[:\\uff1a]", 2);
      sections.add(
          new TopicContent.Section(
              parts[0].strip(), parts.length > 1 ? TopicRules.split(parts[1]) : List.of()));
    }
    return sections;
  }

  static String sectionsText(TopicContent content) {
    StringBuilder text = new StringBuilder();
    for (TopicContent.Section s : content.sections()) {
      text.append(s.name());
      if (!s.tags().isEmpty()) {
        text.append(": ").append(String.join(", ", s.tags()));
      }
      text.append('\n');
    }
    return text.toString();
  }
}
