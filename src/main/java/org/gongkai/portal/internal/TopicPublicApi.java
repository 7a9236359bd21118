package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.topic.Topic;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Topics in the open API: those the serving site shows, each with its sections and documents. */
@RestController
@RequestMapping("/api/v1/topics")
class TopicPublicApi {

  private final TopicPages pages;
  private final java.time.Clock clock;

  TopicPublicApi(TopicPages pages, java.time.Clock clock) {
    this.pages = pages;
    this.clock = clock;
  }

  record TopicItem(
      long id,
      String slug,
      String title,
      LocalDate opensOn,
      LocalDate closesOn,
      boolean open,
      Instant publishedAt,
      String url) {}

  record DocumentItem(
      long id, String title, String docNumber, LocalDate publishedOn, String agency, String url) {}

  record SectionItem(String name, List<DocumentItem> documents) {}

  record TopicDetail(
      long id,
      String slug,
      String title,
      List<String> introduction,
      LocalDate opensOn,
      LocalDate closesOn,
      boolean open,
      Instant publishedAt,
      long documents,
      List<SectionItem> sections,
      List<DocumentItem> latest,
      List<DocumentItem> interpretations,
      String url,
      String feed) {}

  @GetMapping
  List<TopicItem> list(HttpServletRequest request) {
    LocalDate today = LocalDate.now(clock);
    return pages.shown(request).stream()
        .map(
            t ->
                new TopicItem(
                    t.id(),
                    t.slug(),
                    t.live().title(),
                    t.live().opensOn(),
                    t.live().closesOn(),
                    t.live().openOn(today),
                    t.publishedAt(),
                    "/topics/" + t.slug()))
        .toList();
  }

  @GetMapping("/{slug}")
  TopicDetail get(@PathVariable String slug, HttpServletRequest request) {
    Topic topic = pages.require(slug, request);
    TopicPages.Page p = pages.page(topic, request);
    return new TopicDetail(
        topic.id(),
        topic.slug(),
        p.content().title(),
        p.content().paragraphs(),
        p.content().opensOn(),
        p.content().closesOn(),
        p.open(),
        topic.publishedAt(),
        p.total(),
        p.sections().stream()
            .map(s -> new SectionItem(s.name(), s.items().stream().map(this::item).toList()))
            .toList(),
        p.latest().stream().map(this::item).toList(),
        p.interpretations().stream().map(this::item).toList(),
        "/topics/" + topic.slug(),
        "/topics/" + topic.slug() + "/feed.atom");
  }

  private DocumentItem item(TopicPages.Item i) {
    return new DocumentItem(
        i.id(), i.title(), i.docNumber(), i.publishedOn(), i.agency(), i.href());
  }
}
