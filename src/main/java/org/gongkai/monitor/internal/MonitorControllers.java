package org.gongkai.monitor.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.monitor.WordList;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The monitor's staff API and console pages. */
final class MonitorControllers {

  private MonitorControllers() {}

  /** A finding with the rule that found it and the index item the rule cites. */
  record FindingView(
      String rule, String item, String severity, String target, String message, String link) {}

  record Findings(
      String agency,
      int score,
      boolean passed,
      List<FindingView> veto,
      List<FindingView> findings) {}

  static Findings view(Inspector.Assessment a) {
    return new Findings(
        a.agency(),
        a.score(),
        a.passed(),
        a.veto().stream().map(MonitorControllers::finding).toList(),
        a.findings().stream().map(MonitorControllers::finding).toList());
  }

  private static FindingView finding(Inspector.Finding f) {
    return new FindingView(
        f.rule().name(), f.item(), f.severity(), f.target(), f.message(), f.link());
  }

  @RestController
  @RequestMapping("/api/v1/admin/monitor")
  static class Api {

    private final Inspector inspector;
    private final MonitorRuns runs;
    private final WordLists words;
    private final AgencyDirectory agencies;
    private final StaffAccess access;
    private final Sites sites;

    Api(
        Inspector inspector,
        MonitorRuns runs,
        WordLists words,
        AgencyDirectory agencies,
        StaffAccess access,
        Sites sites) {
      this.sites = sites;
      this.inspector = inspector;
      this.runs = runs;
      this.words = words;
      this.agencies = agencies;
      this.access = access;
    }

    record NewWord(WordList list, String term, String replacement) {}

    record Added(long id) {}

    /** Adds a word to one of the lists; platform administrators only. */
    @PostMapping("/words")
    ResponseEntity<Added> addWord(@RequestBody NewWord word) {
      long id = words.add(word.list(), word.term(), word.replacement(), access.current());
      return ResponseEntity.status(HttpStatus.CREATED).body(new Added(id));
    }

    /** The agency as it stands now, every rule run afresh. */
    @GetMapping("/findings")
    Findings findings(@RequestParam String agency, Locale locale) {
      Agency a =
          agencies
              .findByCode(agency.trim())
              .orElseThrow(() -> Refusal.notFound("agency.not-found"));
      access.requireAgency(access.current(), a.id());
      return view(inspector.assess(a, locale));
    }

    @GetMapping("/ranking")
    List<MonitorRuns.Ranked> ranking() {
      access.requirePlatformAdmin(access.current());
      return runs.ranking();
    }

    /** The latest findings of every site, or with {@code site} of that site only. */
    @GetMapping("/findings.csv")
    ResponseEntity<String> export(@RequestParam(required = false) Long site, Locale locale) {
      access.requirePlatformAdmin(access.current());
      if (site != null && sites.find(site).isEmpty()) {
        throw Refusal.notFound("error.not-found");
      }
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .header(
              HttpHeaders.CONTENT_DISPOSITION,
              ContentDisposition.attachment().filename("findings.csv").build().toString())
          .body(runs.exportLatest(locale, site));
    }
  }

  @Controller
  @RequestMapping("/console/monitor")
  static class Console {

    private final Inspector inspector;
    private final MonitorRuns runs;
    private final WordLists words;
    private final AgencyDirectory agencies;
    private final StaffAccess access;
    private final Sites sites;

    Console(
        Inspector inspector,
        MonitorRuns runs,
        WordLists words,
        AgencyDirectory agencies,
        StaffAccess access,
        Sites sites) {
      this.sites = sites;
      this.inspector = inspector;
      this.runs = runs;
      this.words = words;
      this.agencies = agencies;
      this.access = access;
    }

    /**
     * The latest run of each agency in the staff's scope on its own site; with {@code site}, the
     * latest runs made on that site (of the agencies it shows, its own pages checked with them),
     * and the site's figures over them (the 2019 index inspects a website as a whole).
     */
    @GetMapping
    String overview(@RequestParam(required = false) Long site, Model model, Locale locale) {
      Staff me = access.current();
      var scope = access.agencyScope(me);
      Site selected =
          site == null
              ? null
              : sites.find(site).orElseThrow(() -> Refusal.notFound("error.not-found"));
      List<MonitorRuns.Ranked> ranking =
          runs.ranking(selected == null ? null : selected.id()).stream()
              .filter(
                  r ->
                      agencies
                          .findByCode(r.agency())
                          .map(a -> scope.contains(a.id()))
                          .orElse(false))
              .toList();
      model.addAttribute("ranking", ranking);
      model.addAttribute("sites", sites.all());
      model.addAttribute("site", selected);
      model.addAttribute("siteFigures", selected == null ? null : SiteFigures.of(ranking));
      model.addAttribute(
          "siteFindings",
          selected == null
              ? List.of()
              : runs.latestFindings(selected.id(), locale).stream()
                  .filter(f -> scope.contains(f.agencyId()))
                  .toList());
      model.addAttribute("words", me.isPlatformAdmin() ? words.all() : List.of());
      model.addAttribute("lists", WordList.values());
      return "monitor/overview";
    }

    @GetMapping("/agencies/{code}")
    String agency(@PathVariable String code, Model model, Locale locale) {
      Agency a = agencies.findByCode(code).orElseThrow(() -> Refusal.notFound("agency.not-found"));
      access.requireAgency(access.current(), a.id());
      model.addAttribute("assessment", inspector.assess(a, locale));
      model.addAttribute("history", runs.history(a.id(), 180));
      return "monitor/agency";
    }

    @PostMapping("/runs")
    String runAll(RedirectAttributes redirect) {
      access.requirePlatformAdmin(access.current());
      runs.runAll();
      redirect.addFlashAttribute("notice", "monitor.ran");
      return "redirect:/console/monitor";
    }

    @PostMapping("/words")
    String addWord(
        @RequestParam(required = false) WordList list,
        @RequestParam(required = false) String term,
        @RequestParam(required = false) String replacement,
        RedirectAttributes redirect) {
      try {
        words.add(list, term, replacement, access.current());
        redirect.addFlashAttribute("notice", "report.saved");
      } catch (Refusal refusal) {
        Refusals.flash(redirect, refusal);
      }
      return "redirect:/console/monitor#words";
    }

    @PostMapping("/words/{id}/remove")
    String removeWord(@PathVariable long id, RedirectAttributes redirect) {
      words.remove(id, access.current());
      redirect.addFlashAttribute("notice", "report.saved");
      return "redirect:/console/monitor#words";
    }
  }
}
