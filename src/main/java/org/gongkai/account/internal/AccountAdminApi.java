package org.gongkai.account.internal;

import jakarta.validation.Validator;
import java.net.URI;
import java.util.List;
import org.gongkai.account.AccountForm;
import org.gongkai.account.Accounts;
import org.gongkai.account.Role;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.web.Refusal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Accounts for scripts that provision a platform (a province sets up its agencies' staff in one
 * run): the same rules as the console, for platform and agency administrators.
 */
@RestController
@RequestMapping("/api/v1/admin/accounts")
class AccountAdminApi {

  private final Accounts accounts;
  private final StaffAccess access;
  private final AgencyDirectory agencies;
  private final Validator validator;
  private final SingleSignOnLinks links;

  AccountAdminApi(
      Accounts accounts,
      StaffAccess access,
      AgencyDirectory agencies,
      Validator validator,
      SingleSignOnLinks links) {
    this.links = links;
    this.validator = validator;
    this.accounts = accounts;
    this.access = access;
    this.agencies = agencies;
  }

  /** An account as a script sends it: the agency by its code, as everywhere in the API. */
  record AccountRequest(
      String username,
      String displayName,
      String email,
      Role role,
      String agency,
      String password,
      Boolean enabled,
      Boolean personalData) {

    AccountForm form(AgencyDirectory agencies) {
      AccountForm form = new AccountForm();
      form.setUsername(username);
      form.setDisplayName(displayName);
      form.setEmail(email);
      form.setRole(role);
      if (agency != null && !agency.isBlank()) {
        form.setAgencyId(
            agencies
                .findByCode(agency.strip())
                .orElseThrow(() -> Refusal.invalidField("agency", "agency.not-found"))
                .id());
      }
      form.setPassword(password);
      form.setEnabled(!Boolean.FALSE.equals(enabled));
      form.setPersonalData(Boolean.TRUE.equals(personalData));
      return form;
    }
  }

  @GetMapping
  List<Staff> list() {
    Staff me = administrator();
    return accounts.list(me);
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Staff> create(@RequestBody AccountRequest request) {
    Staff created = accounts.create(valid(request.form(agencies)), administrator());
    return ResponseEntity.created(URI.create("/api/v1/admin/accounts/" + created.id()))
        .body(created);
  }

  @PutMapping(path = "/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  Staff update(@PathVariable long id, @RequestBody AccountRequest request) {
    return accounts.update(id, valid(request.form(agencies)), administrator());
  }

  /** A single sign-on identity to link: the provider's issuer and the identity's subject. */
  record IdentityRequest(String issuer, String subject) {}

  @GetMapping("/{id}/identities")
  List<SingleSignOnLinks.Link> identities(@PathVariable long id) {
    return links.of(managed(id).id());
  }

  @PostMapping(path = "/{id}/identities", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<List<SingleSignOnLinks.Link>> link(
      @PathVariable long id, @RequestBody IdentityRequest request) {
    Staff account = managed(id);
    links.link(account, request.issuer(), request.subject(), access.current().username());
    return ResponseEntity.status(201).body(links.of(id));
  }

  @DeleteMapping("/{id}/identities")
  ResponseEntity<Void> unlink(@PathVariable long id, @RequestParam String issuer) {
    links.unlink(managed(id), issuer, access.current());
    return ResponseEntity.noContent().build();
  }

  private Staff managed(long id) {
    Staff me = administrator();
    Staff account = accounts.find(id).orElseThrow(() -> Refusal.notFound("account.not-found"));
    if (account.agencyId() == null) {
      access.requirePlatformAdmin(me);
    } else {
      access.requireAdministrator(me, account.agencyId());
    }
    return account;
  }

  /** The form's own constraints, as the console checks them, reported field by field. */
  private AccountForm valid(AccountForm form) {
    var problems =
        validator.validate(form).stream()
            .map(
                v ->
                    new Refusal.FieldProblem(
                        v.getPropertyPath().toString(),
                        v.getMessageTemplate().replaceAll("^\\{|\\}$", "")))
            .toList();
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    return form;
  }

  private Staff administrator() {
    Staff me = access.current();
    if (!me.role().administers()) {
      throw Refusal.forbidden("access.admin-only");
    }
    return me;
  }
}
