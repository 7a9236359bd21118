package org.gongkai.audit.internal;

import org.gongkai.audit.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail for the platform admin (the security chain admits no one else): the latest
 * records with the address each came from, and a button that checks the whole chain.
 */
@Controller
@RequestMapping("/console/audit")
class AuditConsoleController {

  private static final int SHOWN = 100;

  private final AuditTrail trail;
  private final AuditChain chain;

  AuditConsoleController(AuditTrail trail, AuditChain chain) {
    this.trail = trail;
    this.chain = chain;
  }

  @GetMapping
  String show(Model model) {
    model.addAttribute("entries", trail.latest(SHOWN));
    return "audit/console";
  }

  /**
   * Checks the chain, and, when given a head recorded earlier ({@code sequence:hash}, from a
   * backup's manifest or the daily log), that the chain still contains it.
   */
  @PostMapping("/verify")
  String verify(@RequestParam(required = false) String knownHead, Model model) {
    model.addAttribute("verification", chain.verify());
    if (knownHead != null && !knownHead.isBlank()) {
      String[] parts = knownHead.strip().split(":", 2);
      boolean found;
      try {
        found = parts.length == 2 && chain.contains(Long.parseLong(parts[0]), parts[1]);
      } catch (NumberFormatException e) {
        found = false;
      }
      model.addAttribute("knownHead", knownHead.strip());
      model.addAttribute("knownHeadFound", found);
    }
    return show(model);
  }
}
