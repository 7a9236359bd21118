package org.gongkai.console.internal;

import jakarta.validation.Valid;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.AgencyForm;
import org.gongkai.agency.ColumnType;
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

/** Agencies (platform admin creates them; agency admins keep their guide) and their columns. */
@Controller
@RequestMapping("/console/agencies")
class AgencyConsoleController {

  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;

  AgencyConsoleController(AgencyDirectory agencies, StaffAccess access, AuditTrail audit) {
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
  }

  @GetMapping
  String list(Model model) {
    Staff me = access.current();
    model.addAttribute("agencies", access.agenciesInScope(me));
    model.addAttribute("allAgencies", agencies.all());
    return "console/agencies";
  }

  @GetMapping("/new")
  String newForm(Model model) {
    access.requirePlatformAdmin(access.current());
    return form(model, new AgencyForm(), null);
  }

  @PostMapping("/new")
  String create(
      @Valid @ModelAttribute("form") AgencyForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Staff me = access.current();
    access.requirePlatformAdmin(me);
    if (errors.hasErrors()) {
      return form(model, form, null);
    }
    try {
      Agency created = agencies.create(form, me.username());
      redirect.addFlashAttribute("notice", "agency.saved");
      return "redirect:/console/agencies/" + created.id();
    } catch (Refusal refusal) {
      Refusals.bind(errors, refusal);
      return form(model, form, null);
    }
  }

  @GetMapping("/{id}")
  String edit(@PathVariable long id, Model model) {
    access.requireAdministrator(access.current(), id);
    Agency agency = agencies.get(id);
    return form(model, AgencyForm.of(agency), agency);
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") AgencyForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Staff me = access.current();
    access.requireAdministrator(me, id);
    Agency agency = agencies.get(id);
    if (!me.isPlatformAdmin()) {
      // Code and place in the tree are the platform's to change; an agency admin keeps its guide.
      form.setCode(agency.code());
      form.setParentId(agency.parentId());
    }
    if (errors.hasErrors()) {
      return form(model, form, agency);
    }
    try {
      agencies.update(id, form, me.username());
      redirect.addFlashAttribute("notice", "agency.saved");
      return "redirect:/console/agencies/" + id;
    } catch (Refusal refusal) {
      Refusals.bind(errors, refusal);
      return form(model, form, agency);
    }
  }

  /** The open government office lets a one-person agency approve its own work, or stops it. */
  @PostMapping("/{id}/four-eyes")
  String fourEyes(
      @PathVariable long id,
      @RequestParam boolean waived,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    Staff me = access.current();
    access.requirePlatformAdmin(me);
    return act(id, redirect, () -> agencies.setFourEyesWaived(id, waived, reason, me.username()));
  }

  @PostMapping("/{id}/columns")
  String addColumn(
      @PathVariable long id,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) Long parentId,
      @RequestParam(required = false) ColumnType type,
      RedirectAttributes redirect) {
    return act(id, redirect, () -> agencies.addColumn(id, parentId, name, type, adminOf(id)));
  }

  @PostMapping("/{id}/columns/{columnId}/rename")
  String rename(
      @PathVariable long id,
      @PathVariable long columnId,
      @RequestParam(required = false) String name,
      RedirectAttributes redirect) {
    return act(
        id, redirect, () -> agencies.renameColumn(ownColumn(id, columnId), name, adminOf(id)));
  }

  @PostMapping("/{id}/columns/{columnId}/move")
  String move(
      @PathVariable long id,
      @PathVariable long columnId,
      @RequestParam int direction,
      RedirectAttributes redirect) {
    return act(
        id, redirect, () -> agencies.moveColumn(ownColumn(id, columnId), direction, adminOf(id)));
  }

  @PostMapping("/{id}/columns/{columnId}/visibility")
  String visibility(
      @PathVariable long id,
      @PathVariable long columnId,
      @RequestParam boolean hidden,
      RedirectAttributes redirect) {
    return act(
        id, redirect, () -> agencies.setColumnHidden(ownColumn(id, columnId), hidden, adminOf(id)));
  }

  @PostMapping("/{id}/columns/{columnId}/parent")
  String parent(
      @PathVariable long id,
      @PathVariable long columnId,
      @RequestParam(required = false) Long parentId,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        () -> agencies.setColumnParent(ownColumn(id, columnId), parentId, adminOf(id)));
  }

  private String adminOf(long agencyId) {
    Staff me = access.current();
    access.requireAdministrator(me, agencyId);
    return me.username();
  }

  private long ownColumn(long agencyId, long columnId) {
    var column = agencies.column(columnId).orElseThrow(() -> Refusal.notFound("column.not-found"));
    if (column.agencyId() != agencyId) {
      throw Refusal.notFound("column.not-found");
    }
    return columnId;
  }

  private String act(long agencyId, RedirectAttributes redirect, Runnable command) {
    try {
      command.run();
      redirect.addFlashAttribute("notice", "column.saved");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/agencies/" + agencyId + "#columns";
  }

  private String form(Model model, AgencyForm form, Agency agency) {
    model.addAttribute("form", form);
    model.addAttribute("agency", agency);
    model.addAttribute("allAgencies", agencies.all());
    model.addAttribute("columns", agency == null ? List.of() : agencies.columns(agency.id()));
    model.addAttribute("columnTypes", ColumnType.values());
    model.addAttribute(
        "history", agency == null ? List.of() : audit.forSubject("agency", agency.id()));
    return "console/agency-form";
  }
}
