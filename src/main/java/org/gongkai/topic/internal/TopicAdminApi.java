package org.gongkai.topic.internal;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.topic.Topic;
import org.gongkai.topic.TopicContent;
import org.gongkai.topic.TopicItem;
import org.gongkai.topic.TopicState;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Topics for staff and scripts: create and edit a draft, submit, approve, reject and publish it (a
 * second person approves and publishes), and put documents in or take them out by hand. Agencies by
 * code, as everywhere in the API.
 */
@RestController
@RequestMapping("/api/v1/admin/topics")
class TopicAdminApi {

  private final TopicService topics;
  private final StaffAccess access;
  private final AgencyDirectory agencies;

  TopicAdminApi(TopicService topics, StaffAccess access, AgencyDirectory agencies) {
    this.topics = topics;
    this.access = access;
    this.agencies = agencies;
  }

  /** A topic's content as sent: tags as a list (each may hold several, comma-separated). */
  record ContentRequest(
      String slug,
      String agency,
      String title,
      String introduction,
      List<String> tags,
      List<TopicContent.Section> sections,
      LocalDate opensOn,
      LocalDate closesOn) {

    TopicContent content() {
      return new TopicContent(title, introduction, tags, sections, opensOn, closesOn);
    }
  }

  record ItemRequest(Long document, String section) {}

  record RejectRequest(String reason) {}

  record TopicView(
      long id,
      String slug,
      String agency,
      TopicState state,
      TopicContent draft,
      TopicContent live,
      long items,
      String draftedBy,
      String submittedBy,
      String approvedBy,
      String publishedBy,
      Instant publishedAt,
      Instant createdAt,
      Instant updatedAt) {}

  @GetMapping
  List<TopicView> list() {
    Staff me = access.current();
    Map<Long, Long> counts = topics.itemCounts();
    return topics.visibleTo(me).stream()
        .map(t -> view(t, counts.getOrDefault(t.id(), 0L)))
        .toList();
  }

  @GetMapping("/{id}")
  TopicView get(@PathVariable long id) {
    return view(topics.mine(id, access.current()));
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<TopicView> create(@RequestBody ContentRequest request) {
    Topic created =
        topics.create(request.slug(), request.agency(), request.content(), access.current());
    return ResponseEntity.created(URI.create("/api/v1/admin/topics/" + created.id()))
        .body(view(created));
  }

  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  TopicView edit(@PathVariable long id, @RequestBody ContentRequest request) {
    return view(topics.edit(id, request.content(), access.current()));
  }

  @PostMapping("/{id}/submit")
  TopicView submit(@PathVariable long id) {
    return view(topics.submit(id, access.current()));
  }

  @PostMapping("/{id}/approve")
  TopicView approve(@PathVariable long id) {
    return view(topics.approve(id, access.current()));
  }

  @PostMapping(path = "/{id}/reject", consumes = MediaType.APPLICATION_JSON_VALUE)
  TopicView reject(@PathVariable long id, @RequestBody RejectRequest request) {
    return view(topics.reject(id, request.reason(), access.current()));
  }

  @PostMapping("/{id}/publish")
  TopicView publish(@PathVariable long id) {
    return view(topics.publish(id, access.current()));
  }

  @GetMapping("/{id}/items")
  List<TopicItem> items(@PathVariable long id) {
    topics.mine(id, access.current());
    return topics.items(id);
  }

  @PostMapping(path = "/{id}/items", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<TopicItem> addItem(@PathVariable long id, @RequestBody ItemRequest request) {
    TopicItem item = topics.addItem(id, request.document(), request.section(), access.current());
    return ResponseEntity.status(201).body(item);
  }

  @DeleteMapping("/{id}/items/{documentId}")
  ResponseEntity<Void> removeItem(@PathVariable long id, @PathVariable long documentId) {
    topics.removeItem(id, documentId, access.current());
    return ResponseEntity.noContent().build();
  }

  private TopicView view(Topic t) {
    return view(t, topics.items(t.id()).size());
  }

  private TopicView view(Topic t, long items) {
    return new TopicView(
        t.id(),
        t.slug(),
        agencies.get(t.agencyId()).code(),
        t.state(),
        t.draft(),
        t.live(),
        items,
        t.draftedBy(),
        t.submittedBy(),
        t.approvedBy(),
        t.publishedBy(),
        t.publishedAt(),
        t.createdAt(),
        t.updatedAt());
  }
}
