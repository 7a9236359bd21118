package org.gongkai.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console page where a member of staff changes their own password. This session carries on
 * under a new id; every other session of the account ends.
 */
@Controller
@RequestMapping("/console/password")
class PasswordConsoleController {

  private final PasswordChanges changes;
  private final StaffAccess access;
  private final SessionValidity sessions;

  PasswordConsoleController(PasswordChanges changes, StaffAccess access, SessionValidity sessions) {
    this.changes = changes;
    this.access = access;
    this.sessions = sessions;
  }

  @GetMapping
  String form(Model model) {
    return page(model);
  }

  @PostMapping
  String change(
      @RequestParam(required = false) String current,
      @RequestParam(required = false) String password,
      @RequestParam(required = false) String repeated,
      HttpServletRequest request,
      Model model) {
    try {
      PasswordChanges.Outcome outcome =
          changes.change(access.current(), current, password, repeated, request.getRemoteAddr());
      HttpSession session = request.getSession();
      if (outcome == PasswordChanges.Outcome.LOCKED) {
        session.invalidate();
        SecurityContextHolder.clearContext();
        return "redirect:/login?error";
      }
      if (SecurityContextHolder.getContext().getAuthentication().getPrincipal()
          instanceof StaffIdentity principal) {
        sessions.renewed(session, principal);
      }
      request.changeSessionId();
      model.addAttribute("notice", "account.password.changed");
    } catch (Refusal refusal) {
      var problem = refusal.fieldProblems().isEmpty() ? null : refusal.fieldProblems().get(0);
      model.addAttribute("refusal", problem == null ? refusal.messageKey() : problem.messageKey());
      model.addAttribute(
          "refusalArgs", problem == null ? refusal.arguments() : problem.arguments());
    }
    return page(model);
  }

  private String page(Model model) {
    model.addAttribute("minLength", PasswordRules.MIN_LENGTH);
    return "account/password";
  }
}
