package org.gongkai.search.internal;

import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The platform admin's search page: index status, full rebuild with its progress, synonyms. */
@Controller
@RequestMapping("/console/search")
class SearchConsoleController {

  private final SearchService search;
  private final SynonymStore synonyms;
  private final StaffAccess access;

  SearchConsoleController(SearchService search, SynonymStore synonyms, StaffAccess access) {
    this.search = search;
    this.synonyms = synonyms;
    this.access = access;
  }

  @GetMapping
  String page(Model model) {
    access.requirePlatformAdmin(access.current());
    model.addAttribute("status", search.status());
    model.addAttribute("synonyms", synonyms.all());
    return "search/console";
  }

  @PostMapping("/rebuild")
  String rebuild(RedirectAttributes redirect) {
    Staff me = access.current();
    access.requirePlatformAdmin(me);
    if (search.startRebuild(me.username())) {
      redirect.addFlashAttribute("notice", "search.rebuild-started");
    } else {
      Refusals.flash(redirect, Refusal.conflict("search.busy"));
    }
    return "redirect:/console/search";
  }

  @PostMapping("/synonyms")
  String addSynonyms(@RequestParam(required = false) String terms, RedirectAttributes redirect) {
    Staff me = access.current();
    access.requirePlatformAdmin(me);
    try {
      synonyms.add(terms, me.username());
      redirect.addFlashAttribute("notice", "synonym.saved");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/search";
  }

  @PostMapping("/synonyms/{id}/delete")
  String removeSynonyms(@PathVariable long id, RedirectAttributes redirect) {
    Staff me = access.current();
    access.requirePlatformAdmin(me);
    synonyms.remove(id, me.username());
    redirect.addFlashAttribute("notice", "synonym.removed");
    return "redirect:/console/search";
  }
}
