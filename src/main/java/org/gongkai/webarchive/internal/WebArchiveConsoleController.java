package org.gongkai.webarchive.internal;

import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The web archives page: the archives with their progress and files, and a form to start one. */
@Controller
@RequestMapping("/console/web-archives")
class WebArchiveConsoleController {

  private final WebArchives archives;
  private final StaffAccess access;

  WebArchiveConsoleController(WebArchives archives, StaffAccess access) {
    this.archives = archives;
    this.access = access;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("archives", archives.latest(access.current()));
    model.addAttribute("sites", archives.sites(access.current()));
    model.addAttribute("base", WebArchiveApi.BASE);
    return "webarchive/console";
  }

  @PostMapping
  String start(
      @RequestParam(required = false) Long site,
      @RequestParam(required = false) Integer year,
      RedirectAttributes redirect) {
    try {
      long id = archives.start(access.current(), site, year);
      redirect.addFlashAttribute("notice", "web-archive.queued");
      redirect.addFlashAttribute("noticeArgs", new Object[] {id});
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/web-archives";
  }
}
