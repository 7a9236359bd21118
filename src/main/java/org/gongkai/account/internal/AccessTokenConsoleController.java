package org.gongkai.account.internal;

import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console page where a member of staff makes, sees and revokes their own personal access
 * tokens. A new token is shown on the page that made it and never again.
 */
@Controller
@RequestMapping("/console/tokens")
class AccessTokenConsoleController {

  private final AccessTokens tokens;
  private final StaffAccess access;

  AccessTokenConsoleController(AccessTokens tokens, StaffAccess access) {
    this.tokens = tokens;
    this.access = access;
  }

  @GetMapping
  String list(Model model) {
    return page(model, access.current());
  }

  @PostMapping
  String create(
      @RequestParam(required = false) String name,
      @RequestParam(required = false) List<String> scopes,
      @RequestParam(required = false) LocalDate expiresOn,
      @RequestParam(required = false) String agency,
      Model model) {
    Staff me = access.current();
    try {
      AccessTokens.Created created = tokens.create(me, name, scopes, expiresOn, agency);
      model.addAttribute("created", created);
    } catch (Refusal refusal) {
      var problem = refusal.fieldProblems().isEmpty() ? null : refusal.fieldProblems().get(0);
      model.addAttribute("refusal", problem == null ? refusal.messageKey() : problem.messageKey());
      model.addAttribute(
          "refusalArgs", problem == null ? refusal.arguments() : problem.arguments());
    }
    return page(model, me);
  }

  @PostMapping("/{id}/revoke")
  String revoke(@PathVariable long id, RedirectAttributes redirect) {
    tokens.revoke(id, access.current());
    redirect.addFlashAttribute("notice", "token.revoked");
    return "redirect:/console/tokens";
  }

  private String page(Model model, Staff me) {
    LocalDate today = LocalDate.now();
    model.addAttribute("tokens", tokens.of(me));
    model.addAttribute("today", today);
    model.addAttribute("scopes", ApiScopes.all());
    model.addAttribute("agencies", access.agenciesInScope(me));
    model.addAttribute("defaultExpiry", today.plusDays(90));
    return "account/tokens";
  }
}
