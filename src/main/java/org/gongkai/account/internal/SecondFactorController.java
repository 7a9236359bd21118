package org.gongkai.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.shared.site.SiteProperties;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of a login (the code from the authenticator app, or a recovery code) and the
 * setting up of an authenticator: required of administrators at their first login, open to all
 * staff from the console.
 */
@Controller
class SecondFactorController {

  private static final String PENDING_SECRET = "gongkai.second-factor.pending-secret";

  private final SecondFactors secondFactors;
  private final LoginThrottle throttle;
  private final String issuer;

  SecondFactorController(SecondFactors secondFactors, LoginThrottle throttle, SiteProperties site) {
    this.secondFactors = secondFactors;
    this.throttle = throttle;
    this.issuer = site.name();
  }

  /** Only a login halfway through has a session here; a visitor's request opens none. */
  @GetMapping(SecondFactorGate.VERIFY_PAGE)
  String verifyForm(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    return session != null && waiting(session, SecondFactors.Need.VERIFY)
        ? "account/second-factor"
        : "redirect:/login";
  }

  @PostMapping(SecondFactorGate.VERIFY_PAGE)
  String verify(
      @RequestParam(required = false) String code, HttpServletRequest request, Model model) {
    HttpSession session = request.getSession(false);
    StaffIdentity principal = principal();
    if (session == null || !waiting(session, SecondFactors.Need.VERIFY) || principal == null) {
      return "redirect:/login";
    }
    String name = principal.staff().username();
    String address = request.getRemoteAddr();
    if (!throttle.isLocked(name, address) && secondFactors.verify(principal.staff(), code)) {
      throttle.succeeded(name, address);
      session.removeAttribute(SecondFactorGate.STATE);
      request.changeSessionId();
      return "redirect:/console";
    }
    if (throttle.failed(name, address) || throttle.isLocked(name, address)) {
      session.invalidate();
      SecurityContextHolder.clearContext();
      return "redirect:/login?error";
    }
    model.addAttribute("wrong", true);
    return "account/second-factor";
  }

  @GetMapping(SecondFactorGate.SETUP_PAGE)
  String setupForm(HttpSession session, Model model) {
    StaffIdentity principal = principal();
    if (principal == null) {
      return "redirect:/login";
    }
    String secret = (String) session.getAttribute(PENDING_SECRET);
    if (secret == null) {
      secret = secondFactors.newSecret();
      session.setAttribute(PENDING_SECRET, secret);
    }
    String uri = Totp.uri(issuer, principal.staff().username(), secret);
    model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
    model.addAttribute("qr", QrSvg.of(uri));
    model.addAttribute(
        "required",
        SecondFactors.Need.ENROL.name().equals(session.getAttribute(SecondFactorGate.STATE)));
    model.addAttribute("enrolled", secondFactors.enrolled(principal.staff().id()));
    return "account/second-factor-setup";
  }

  /**
   * Turns on a new authenticator. Replacing one that is set up takes the current one's code (or a
   * recovery code): a session left open must not be enough to move someone's second factor to
   * another phone.
   */
  @PostMapping(SecondFactorGate.SETUP_PAGE)
  String setup(
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String current,
      HttpServletRequest request,
      Model model) {
    HttpSession session = request.getSession();
    StaffIdentity principal = principal();
    String secret = (String) session.getAttribute(PENDING_SECRET);
    if (principal == null || secret == null) {
      return "redirect:" + SecondFactorGate.SETUP_PAGE;
    }
    Staff staff = principal.staff();
    if (secondFactors.enrolled(staff.id())) {
      String name = staff.username();
      String address = request.getRemoteAddr();
      if (throttle.isLocked(name, address) || !secondFactors.verify(staff, current)) {
        if (throttle.failed(name, address)) {
          session.invalidate();
          SecurityContextHolder.clearContext();
          return "redirect:/login?error";
        }
        model.addAttribute("wrongCurrent", true);
        return setupForm(session, model);
      }
    }
    List<String> recovery = secondFactors.enable(staff, secret, code);
    if (recovery.isEmpty()) {
      model.addAttribute("wrong", true);
      return setupForm(session, model);
    }
    session.removeAttribute(PENDING_SECRET);
    session.removeAttribute(SecondFactorGate.STATE);
    request.changeSessionId();
    model.addAttribute("codes", recovery);
    return "account/recovery-codes";
  }

  private static boolean waiting(HttpSession session, SecondFactors.Need need) {
    return need.name().equals(session.getAttribute(SecondFactorGate.STATE));
  }

  private static StaffIdentity principal() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof StaffIdentity p ? p : null;
  }
}
