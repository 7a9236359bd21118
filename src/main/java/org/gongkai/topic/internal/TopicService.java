package org.gongkai.topic.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.Catalog;
import org.gongkai.shared.web.Refusal;
import org.gongkai.topic.Topic;
import org.gongkai.topic.TopicContent;
import org.gongkai.topic.TopicDesk;
import org.gongkai.topic.TopicItem;
import org.gongkai.topic.TopicItemRemoved;
import org.gongkai.topic.TopicItemsAdded;
import org.gongkai.topic.TopicPublished;
import org.gongkai.topic.TopicState;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Topics through the editorial workflow: an editor of the agency drafts and submits, a reviewer who
 * did not write it approves and publishes (four eyes, as documents), and documents are put in or
 * taken out by hand. Every change is audited; publishing tells the site.
 */
@Service
class TopicService implements TopicDesk {

  /** How many documents a tag gathers into a topic when it is published. */
  static final int GATHERED = 500;

  private final TopicRepository topics;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final Catalog catalog;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TopicService(
      TopicRepository topics,
      AgencyDirectory agencies,
      StaffAccess access,
      Catalog catalog,
      AuditTrail audit,
      ApplicationEventPublisher events,
      Clock clock) {
    this.topics = topics;
    this.agencies = agencies;
    this.access = access;
    this.catalog = catalog;
    this.audit = audit;
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional
  public Topic create(String slug, String agencyCode, TopicContent content, Staff by) {
    Agency agency =
        agencies
            .findByCode(agencyCode == null ? "" : agencyCode.strip())
            .orElseThrow(() -> Refusal.invalidField("agency", "agency.not-found"));
    access.requireAgency(by, agency.id());
    String checkedSlug = TopicRules.slug(slug);
    TopicContent checked = TopicRules.check(content);
    if (topics.slugTaken(checkedSlug)) {
      throw Refusal.conflictOn("slug", "topic.slug.taken", checkedSlug);
    }
    long id = topics.insert(checkedSlug, agency.id(), checked, by.username(), clock.instant());
    audit.record(by.username(), "topic.created", "topic", id, checkedSlug + " " + checked.title());
    return get(id);
  }

  @Transactional
  Topic edit(long id, TopicContent content, Staff by) {
    mine(id, by);
    TopicContent checked = TopicRules.check(content);
    topics.saveDraft(id, checked, by.username(), clock.instant());
    audit.record(by.username(), "topic.edited", "topic", id, checked.title());
    return get(id);
  }

  @Override
  @Transactional
  public Topic submit(long id, Staff by) {
    Topic topic = mine(id, by);
    step(topic, TopicState.DRAFT, TopicState.SUBMITTED, "submitted_by", by);
    audit.record(by.username(), "topic.submitted", "topic", id, null);
    return get(id);
  }

  @Override
  @Transactional
  public Topic approve(long id, Staff by) {
    Topic topic = mine(id, by);
    access.requireReviewer(by, topic.agencyId());
    boolean waived = access.requireSecondPerson(by, topic.agencyId(), authors(topic));
    step(topic, TopicState.SUBMITTED, TopicState.APPROVED, "approved_by", by);
    audit.record(
        by.username(), "topic.approved", "topic", id, waived ? StaffAccess.FOUR_EYES_WAIVED : null);
    return get(id);
  }

  @Transactional
  Topic reject(long id, String reason, Staff by) {
    Topic topic = mine(id, by);
    access.requireReviewer(by, topic.agencyId());
    if (reason == null || reason.isBlank()) {
      throw Refusal.invalidField("reason", "error.required", "reason");
    }
    if (topic.state() != TopicState.SUBMITTED && topic.state() != TopicState.APPROVED) {
      throw Refusal.conflict("workflow.illegal", "REJECT", topic.state().name());
    }
    step(topic, topic.state(), TopicState.DRAFT, null, by);
    audit.record(by.username(), "topic.rejected", "topic", id, reason.strip());
    return get(id);
  }

  /**
   * The approved draft goes live, by a reviewer who did not write it; the documents its tags name
   * are gathered (sections first, so a section's tag places a document in it).
   */
  @Override
  @Transactional
  public Topic publish(long id, Staff by) {
    Topic topic = mine(id, by);
    access.requireReviewer(by, topic.agencyId());
    boolean waived = access.requireSecondPerson(by, topic.agencyId(), authors(topic));
    if (topic.state() != TopicState.APPROVED) {
      throw Refusal.conflict("workflow.illegal", "PUBLISH", topic.state().name());
    }
    Instant now = clock.instant();
    if (!topics.publish(id, by.username(), now)) {
      throw Refusal.conflict("workflow.illegal", "PUBLISH", get(id).state().name());
    }
    Topic live = get(id);
    List<Long> gathered = new ArrayList<>();
    for (TopicContent.Section section : live.live().sections()) {
      for (long document : catalog.publishedTagged(section.tags(), GATHERED)) {
        if (topics.addItem(id, document, section.name(), TopicItem.TAG, by.username(), now)) {
          gathered.add(document);
        }
      }
    }
    for (long document : catalog.publishedTagged(live.live().tags(), GATHERED)) {
      if (topics.addItem(id, document, null, TopicItem.TAG, by.username(), now)) {
        gathered.add(document);
      }
    }
    audit.record(
        by.username(),
        "topic.published",
        "topic",
        id,
        (waived ? StaffAccess.FOUR_EYES_WAIVED + " " : "")
            + live.live().title()
            + " gathered="
            + gathered.size());
    events.publishEvent(new TopicPublished(id, live.slug(), live.agencyId(), now));
    if (!gathered.isEmpty()) {
      events.publishEvent(new TopicItemsAdded(id, live.slug(), gathered, now));
    }
    return live;
  }

  /** Puts a published document into the topic by hand, in one of its sections or in none. */
  @Override
  @Transactional
  public TopicItem addItem(long id, Long documentId, String section, Staff by) {
    Topic topic = mine(id, by);
    if (documentId == null || catalog.publishedAmong(List.of(documentId)).isEmpty()) {
      throw Refusal.invalidField("document", "topic.item.not-published");
    }
    String placed = section == null || section.isBlank() ? null : section.strip();
    if (placed != null && !sectionNames(topic).contains(placed)) {
      throw Refusal.invalidField("section", "topic.item.section-unknown", placed);
    }
    Instant now = clock.instant();
    if (!topics.addItem(id, documentId, placed, TopicItem.HAND, by.username(), now)) {
      throw Refusal.conflictOn("document", "topic.item.present", documentId);
    }
    audit.record(
        by.username(),
        "topic.item.added",
        "topic",
        id,
        "document " + documentId + (placed == null ? "" : " in " + placed));
    if (topic.isPublished()) {
      events.publishEvent(new TopicItemsAdded(id, topic.slug(), List.of(documentId), now));
    }
    return topics.items(id).stream()
        .filter(i -> i.documentId() == documentId)
        .findFirst()
        .orElseThrow();
  }

  @Transactional
  void removeItem(long id, long documentId, Staff by) {
    Topic topic = mine(id, by);
    if (!topics.removeItem(id, documentId)) {
      throw Refusal.notFound("topic.item.not-found");
    }
    audit.record(by.username(), "topic.item.removed", "topic", id, "document " + documentId);
    if (topic.isPublished()) {
      events.publishEvent(new TopicItemRemoved(id, topic.slug(), documentId, clock.instant()));
    }
  }

  Topic get(long id) {
    return topics.find(id).orElseThrow(() -> Refusal.notFound("topic.not-found"));
  }

  /** A topic the person may work on; 404 for one they may not see (its agency is not theirs). */
  Topic mine(long id, Staff by) {
    Topic topic = get(id);
    if (!access.mayWorkOn(by, topic.agencyId())) {
      throw Refusal.notFound("topic.not-found");
    }
    return topic;
  }

  /** The topics of the agencies in the person's scope, newest first. */
  List<Topic> visibleTo(Staff staff) {
    return topics.of(staff.isPlatformAdmin() ? null : access.agencyScope(staff));
  }

  List<TopicItem> items(long id) {
    return topics.items(id);
  }

  /** How many documents each topic gathers, and how many of them are published now. */
  Map<Long, Long> itemCounts() {
    return topics.itemCounts();
  }

  /** The published documents among a topic's items. */
  Set<Long> publishedItems(long id) {
    return catalog.publishedAmong(topics.items(id).stream().map(TopicItem::documentId).toList());
  }

  private static List<String> sectionNames(Topic topic) {
    List<String> names = new ArrayList<>();
    topic.draft().sections().forEach(s -> names.add(s.name()));
    if (topic.live() != null) {
      topic.live().sections().forEach(s -> names.add(s.name()));
    }
    return names;
  }

  private static List<String> authors(Topic topic) {
    return java.util.stream.Stream.of(topic.draftedBy(), topic.submittedBy())
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }

  private void step(Topic topic, TopicState from, TopicState to, String column, Staff by) {
    if (topic.state() != from
        || !topics.step(topic.id(), from, to, column, by.username(), clock.instant())) {
      throw Refusal.conflict("workflow.illegal", to.name(), topic.state().name());
    }
  }
}
