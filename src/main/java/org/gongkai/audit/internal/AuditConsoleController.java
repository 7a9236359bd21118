package org.gongkai.audit.internal;

import org.gongkai.audit.AuditTrail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

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

  @PostMapping("/verify")
  String verify(Model model) {
    model.addAttribute("verification", chain.verify());
    return show(model);
  }
}
