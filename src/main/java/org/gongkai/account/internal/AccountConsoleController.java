package org.gongkai.account.internal;

import jakarta.validation.Valid;
import java.util.List;
import org.gongkai.account.AccountForm;
import org.gongkai.account.Accounts;
import org.gongkai.account.Role;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/console/accounts")
class AccountConsoleController {

  private final Accounts accounts;
  private final StaffAccess access;
  private final AgencyDirectory agencies;
  private final AuditTrail audit;
  private final SecondFactors secondFactors;
  private final SingleSignOnLinks links;

  AccountConsoleController(
      Accounts accounts,
      StaffAccess access,
      AgencyDirectory agencies,
      AuditTrail audit,
      SecondFactors secondFactors,
      SingleSignOnLinks links) {
    this.secondFactors = secondFactors;
    this.links = links;
    this.accounts = accounts;
    this.access = access;
    this.agencies = agencies;
    this.audit = audit;
  }

  @GetMapping
  String list(Model model) {
    Staff me = access.current();
    requireSomeAdmin(me);
    model.addAttribute("accounts", accounts.list(me));
    model.addAttribute("agencies", agencies.all());
    return "account/list";
  }

  @GetMapping("/new")
  String newForm(Model model) {
    requireSomeAdmin(access.current());
    AccountForm form = new AccountForm();
    form.setRole(Role.EDITOR);
    return form(model, form, null);
  }

  @PostMapping("/new")
  String create(
      @Valid @ModelAttribute("form") AccountForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Staff me = access.current();
    requireSomeAdmin(me);
    if (errors.hasErrors()) {
      return form(model, form, null);
    }
    try {
      Staff created = accounts.create(form, me);
      redirect.addFlashAttribute("notice", "account.saved");
      return "redirect:/console/accounts/" + created.id();
    } catch (Refusal refusal) {
      Refusals.bind(errors, refusal);
      return form(model, form, null);
    }
  }

  @GetMapping("/{id}")
  String edit(@PathVariable long id, Model model) {
    Staff me = access.current();
    Staff account = accounts.find(id).orElseThrow(() -> Refusal.notFound("account.not-found"));
    requireMayManage(me, account);
    AccountForm form = new AccountForm();
    form.setUsername(account.username());
    form.setDisplayName(account.displayName());
    form.setEmail(accounts.emailOf(account.id()).orElse(null));
    form.setRole(account.role());
    form.setAgencyId(account.agencyId());
    form.setEnabled(account.enabled());
    form.setPersonalData(account.personalData());
    model.addAttribute("history", audit.forSubject("account", id));
    return form(model, form, account);
  }

  /**
   * A lost phone: the administrator clears the authenticator, and its owner sets one up at the next
   * login.
   */
  @PostMapping("/{id}/second-factor/reset")
  String resetSecondFactor(@PathVariable long id, RedirectAttributes redirect) {
    Staff me = access.current();
    Staff account = accounts.find(id).orElseThrow(() -> Refusal.notFound("account.not-found"));
    requireMayManage(me, account);
    secondFactors.reset(account, me);
    redirect.addFlashAttribute("notice", "account.second-factor.reset-done");
    return "redirect:/console/accounts/" + id;
  }

  /**
   * Links a single sign-on identity (issuer and subject, as a refused login's audit record names
   * them) to the account.
   */
  @PostMapping("/{id}/identities")
  String linkIdentity(
      @PathVariable long id,
      @RequestParam(required = false) String issuer,
      @RequestParam(required = false) String subject,
      RedirectAttributes redirect) {
    Staff me = access.current();
    Staff account = accounts.find(id).orElseThrow(() -> Refusal.notFound("account.not-found"));
    requireMayManage(me, account);
    try {
      links.link(account, issuer, subject, me.username());
      redirect.addFlashAttribute("notice", "account.identity.linked");
    } catch (Refusal refusal) {
      var problem = refusal.fieldProblems().isEmpty() ? null : refusal.fieldProblems().get(0);
      redirect.addFlashAttribute(
          "refusal", problem == null ? refusal.messageKey() : problem.messageKey());
      redirect.addFlashAttribute("refusalArgs", new Object[0]);
    }
    return "redirect:/console/accounts/" + id;
  }

  @PostMapping("/{id}/identities/remove")
  String unlinkIdentity(
      @PathVariable long id, @RequestParam String issuer, RedirectAttributes redirect) {
    Staff me = access.current();
    Staff account = accounts.find(id).orElseThrow(() -> Refusal.notFound("account.not-found"));
    requireMayManage(me, account);
    links.unlink(account, issuer, me);
    redirect.addFlashAttribute("notice", "account.identity.unlinked");
    return "redirect:/console/accounts/" + id;
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") AccountForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Staff me = access.current();
    Staff account = accounts.find(id).orElseThrow(() -> Refusal.notFound("account.not-found"));
    requireMayManage(me, account);
    form.setUsername(account.username());
    if (errors.hasErrors()) {
      model.addAttribute("history", audit.forSubject("account", id));
      return form(model, form, account);
    }
    try {
      accounts.update(id, form, me);
      redirect.addFlashAttribute("notice", "account.saved");
      return "redirect:/console/accounts/" + id;
    } catch (Refusal refusal) {
      Refusals.bind(errors, refusal);
      model.addAttribute("history", audit.forSubject("account", id));
      return form(model, form, account);
    }
  }

  private String form(Model model, AccountForm form, Staff account) {
    model.addAttribute("form", form);
    model.addAttribute("account", account);
    model.addAttribute("secondFactor", account != null && secondFactors.enrolled(account.id()));
    model.addAttribute("identities", account == null ? List.of() : links.of(account.id()));
    model.addAttribute("roles", Role.values());
    model.addAttribute("agencies", agencies.all());
    return "account/form";
  }

  private void requireSomeAdmin(Staff me) {
    if (!me.role().administers()) {
      throw Refusal.forbidden("access.admin-only");
    }
  }

  private void requireMayManage(Staff me, Staff account) {
    if (account.agencyId() == null) {
      access.requirePlatformAdmin(me);
    } else {
      access.requireAdministrator(me, account.agencyId());
    }
  }
}
