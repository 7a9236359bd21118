package org.gongkai.subscription.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.web.Challenge;
import org.gongkai.shared.web.PublicPage;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.gongkai.shared.web.SubmissionThrottle;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.gongkai.topic.Topics;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The reader's pages: the subscription form (the same challenge and limit as every public form),
 * the confirmation link's page, and the pages a mail links to: the reader's subscriptions, where
 * each can be changed or ended, and the page that ends them all.
 */
@Controller
@PublicPage
@RequestMapping("/subscriptions")
class SubscriptionPortalController {

  private final SubscriptionService subscriptions;
  private final ReaderSites readerSites;
  private final Sites sites;
  private final AgencyDirectory agencies;
  private final Topics topics;
  private final MailTexts texts;
  private final Challenge challenge;
  private final SubmissionThrottle throttle;

  SubscriptionPortalController(
      SubscriptionService subscriptions,
      ReaderSites readerSites,
      Sites sites,
      AgencyDirectory agencies,
      Topics topics,
      MailTexts texts,
      Challenge challenge,
      SubmissionThrottle throttle) {
    this.subscriptions = subscriptions;
    this.readerSites = readerSites;
    this.sites = sites;
    this.agencies = agencies;
    this.topics = topics;
    this.texts = texts;
    this.challenge = challenge;
    this.throttle = throttle;
  }

  @GetMapping
  String form(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) Long column,
      @RequestParam(required = false) String query,
      @RequestParam(required = false) String topic,
      HttpServletRequest request,
      Model model) {
    return form(
        model,
        request,
        new SubscribeForm(null, agency, column, topic, query, null, "IMMEDIATE", null));
  }

  private String form(Model model, HttpServletRequest request, SubscribeForm form) {
    Site site = readerSites.serving(request);
    List<Agency> shown = agencies.all().stream().filter(a -> sites.shows(site, a.id())).toList();
    model.addAttribute("form", form);
    model.addAttribute(
        "topicTitle",
        form.topic() == null || form.topic().isBlank()
            ? null
            : topics
                .publishedBySlug(form.topic().strip())
                .filter(t -> sites.shows(site, t.agencyId()))
                .map(t -> t.live().title())
                .orElse(null));
    model.addAttribute("agencies", shown);
    model.addAttribute(
        "columns",
        form.agency() == null || form.agency().isBlank()
            ? List.of()
            : agencies
                .findByCode(form.agency().strip())
                .map(a -> agencies.visibleColumns(a.id()))
                .orElse(List.of()));
    model.addAttribute(
        "feed",
        form.query() == null || form.query().isBlank()
            ? null
            : searchFeed(form.query().strip(), form.agency(), form.column()));
    model.addAttribute("mailConfigured", readerSites.mailConfigured());
    model.addAttribute("question", challenge.issue());
    return "subscription/form";
  }

  @PostMapping
  String subscribe(
      @RequestParam(required = false) String email,
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) Long column,
      @RequestParam(required = false) String query,
      @RequestParam(required = false) String topic,
      @RequestParam(required = false) String subject,
      @RequestParam(required = false) String frequency,
      @RequestParam(required = false) String challengeToken,
      @RequestParam(required = false) String challengeAnswer,
      @RequestParam(name = Challenge.FIELD, required = false) String altcha,
      HttpServletRequest request,
      Model model) {
    SubscribeForm form =
        new SubscribeForm(email, agency, column, topic, query, subject, frequency, null);
    try {
      Site site = readerSites.serving(request);
      readerSites.requireMail();
      Challenge.Solved solved = challenge.verifyForm(altcha, challengeToken, challengeAnswer);
      throttle.acquire(SubscriptionApi.THROTTLE, request.getRemoteAddr());
      subscriptions.subscribe(site, form, solved);
      return "subscription/requested";
    } catch (Refusal refusal) {
      model.addAttribute("problems", refusal.fieldProblems());
      Refusals.show(model, refusal);
      return form(model, request, form);
    }
  }

  @GetMapping("/confirm")
  String confirm(@RequestParam(required = false) String token, Model model) {
    try {
      SubscriptionService.Confirmed confirmed = subscriptions.confirm(token);
      model.addAttribute("label", texts.label(confirmed.subscription()));
      model.addAttribute("token", confirmed.readerToken());
      return "subscription/confirmed";
    } catch (Refusal refusal) {
      Refusals.show(model, refusal);
      return "subscription/problem";
    }
  }

  @GetMapping("/manage")
  String manage(@RequestParam(required = false) String token, Model model) {
    var reader = subscriptions.reader(token);
    if (reader.isEmpty()) {
      Refusals.show(model, Refusal.notFound("subscription.token.unknown"));
      return "subscription/problem";
    }
    model.addAttribute("token", token);
    model.addAttribute(
        "subscriptions",
        subscriptions.active(reader.get().id()).stream()
            .map(
                s ->
                    new Row(
                        s.id(),
                        texts.label(s),
                        s.frequency().name(),
                        s.state().name(),
                        feed(s).orElse(null)))
            .toList());
    return "subscription/manage";
  }

  /** A subscription as its reader's page lists it, with the Atom feed of the same items if any. */
  record Row(long id, String label, String frequency, String state, String feed) {}

  /** The Atom feed that carries what a saved search or a topic subscription mails. */
  private Optional<String> feed(Subscription s) {
    return switch (s.kind()) {
      case QUERY ->
          Optional.of(
              searchFeed(
                  s.queryText(),
                  s.agencyId() == null
                      ? null
                      : agencies.find(s.agencyId()).map(a -> a.code()).orElse(null),
                  s.columnId()));
      case TOPIC -> topics.published(s.topicId()).map(t -> "/topics/" + t.slug() + "/feed.atom");
      default -> Optional.empty();
    };
  }

  private static String searchFeed(String query, String agencyCode, Long column) {
    UriComponentsBuilder b = UriComponentsBuilder.fromPath("/search/feed").queryParam("q", query);
    if (agencyCode != null && !agencyCode.isBlank()) {
      b.queryParam("agency", agencyCode.strip());
    }
    if (column != null) {
      b.queryParam("column", column);
    }
    return b.encode().build().toUriString();
  }

  @PostMapping("/manage/{id}/frequency")
  String frequency(
      @org.springframework.web.bind.annotation.PathVariable long id,
      @RequestParam(required = false) String token,
      @RequestParam(required = false) String frequency,
      Model model) {
    try {
      var reader =
          subscriptions
              .reader(token)
              .orElseThrow(() -> Refusal.notFound("subscription.token.unknown"));
      subscriptions.changeFrequency(reader, id, frequency);
      model.addAttribute("notice", "subscription.frequency.changed");
    } catch (Refusal refusal) {
      Refusals.show(model, refusal);
    }
    return manage(token, model);
  }

  @PostMapping("/manage/{id}/unsubscribe")
  String unsubscribeOne(
      @org.springframework.web.bind.annotation.PathVariable long id,
      @RequestParam(required = false) String token,
      Model model) {
    try {
      var reader =
          subscriptions
              .reader(token)
              .orElseThrow(() -> Refusal.notFound("subscription.token.unknown"));
      subscriptions.unsubscribe(reader, id);
      if (subscriptions.reader(token).isEmpty()) {
        return "subscription/unsubscribed";
      }
      model.addAttribute("notice", "subscription.unsubscribed.one");
    } catch (Refusal refusal) {
      Refusals.show(model, refusal);
    }
    return manage(token, model);
  }

  @GetMapping("/unsubscribe")
  String unsubscribePage(@RequestParam(required = false) String token, Model model) {
    model.addAttribute("token", token);
    return "subscription/unsubscribe";
  }

  @PostMapping("/unsubscribe")
  String unsubscribeAll(@RequestParam(required = false) String token, Model model) {
    if (!subscriptions.unsubscribeAll(token)) {
      Refusals.show(model, Refusal.notFound("subscription.token.unknown"));
      return "subscription/problem";
    }
    return "subscription/unsubscribed";
  }
}
