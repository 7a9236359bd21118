package org.gongkai.foi.internal;

import java.util.List;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's letter templates: an agency's own wording for the letters it sends. */
@Controller
@RequestMapping("/console/foi")
class FoiTemplatesConsoleController {

  private final RequestCommands commands;
  private final Letters letters;
  private final StaffAccess access;

  FoiTemplatesConsoleController(RequestCommands commands, Letters letters, StaffAccess access) {
    this.commands = commands;
    this.letters = letters;
    this.access = access;
  }

  @GetMapping("/templates")
  String templates(@RequestParam(required = false) String agency, Model model) {
    var choice = access.chooseAgency(access.current(), agency);
    List<Agency> mine = choice.agencies();
    Agency selected = choice.selected();
    model.addAttribute("agencies", mine);
    model.addAttribute("selected", selected);
    model.addAttribute("templates", letters.templates(selected.id()));
    return "foi/console-templates";
  }

  @PostMapping("/templates")
  String saveTemplate(
      @RequestParam String agency,
      @RequestParam String outcome,
      @RequestParam String body,
      RedirectAttributes redirect) {
    try {
      commands.saveTemplate(agency, outcome, body, access.current());
      redirect.addFlashAttribute("notice", "foi.template.saved");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/foi/templates?agency=" + agency + "#t-" + outcome;
  }
}
