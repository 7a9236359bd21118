package org.gongkai.catalog.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.audit.AuditTrail;
import org.gongkai.catalog.DisclosureMode;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.DocumentKind;
import org.gongkai.catalog.EditionState;
import org.gongkai.catalog.Editorial;
import org.gongkai.catalog.EditorialDocument;
import org.gongkai.catalog.EditorialQuery;
import org.gongkai.catalog.Validity;
import org.gongkai.catalog.WordingCheck;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/** The console's document pages: list, edit form with inline errors, workflow actions, audit. */
@Controller
@RequestMapping("/console/documents")
class DocumentConsoleController {

  private final Editorial editorial;
  private final StaffAccess access;
  private final AgencyDirectory agencies;
  private final AuditTrail audit;
  private final Clock clock;

  private final ObjectProvider<WordingCheck> wordingCheck;
  private final DocumentSites sites;

  DocumentConsoleController(
      Editorial editorial,
      StaffAccess access,
      AgencyDirectory agencies,
      AuditTrail audit,
      Clock clock,
      ObjectProvider<WordingCheck> wordingCheck,
      DocumentSites sites) {
    this.wordingCheck = wordingCheck;
    this.sites = sites;
    this.editorial = editorial;
    this.access = access;
    this.agencies = agencies;
    this.audit = audit;
    this.clock = clock;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) Long agency,
      @RequestParam(required = false) EditionState state,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) EditorialQuery.Order order,
      Model model) {
    Staff me = access.current();
    PageResult<?> result =
        editorial.list(
            new EditorialQuery(agency, state, q, PageResult.page(page, 20), 20, order), me);
    model.addAttribute("orders", EditorialQuery.Order.values());
    model.addAttribute("order", order == null ? EditorialQuery.Order.UPDATED : order);
    model.addAttribute("result", result);
    model.addAttribute("agencies", agenciesInScope(me));
    model.addAttribute("agencyNames", agencyNames());
    model.addAttribute("states", EditionState.values());
    model.addAttribute("agency", agency);
    model.addAttribute("state", state);
    model.addAttribute("q", q);
    return "catalog/console-list";
  }

  @GetMapping("/new")
  String newForm(Model model) {
    return form(model, new DocumentForm(), null);
  }

  @PostMapping("/new")
  String create(
      @Valid @ModelAttribute("form") DocumentForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Staff me = access.current();
    fillAgencyFromColumn(form);
    if (errors.hasErrors() && !onlyAgencyMissing(errors, form)) {
      return form(model, form, null);
    }
    try {
      long id = editorial.createDraft(form, me);
      redirect.addFlashAttribute("notice", "document.saved");
      return "redirect:/console/documents/" + id;
    } catch (Refusal refusal) {
      Refusals.bind(errors, refusal);
      return form(model, form, null);
    }
  }

  @GetMapping("/{id}")
  String show(@PathVariable long id, Model model, HttpServletRequest request) {
    EditorialDocument doc = editorial.get(id, access.current());
    model.addAttribute("doc", doc);
    model.addAttribute("sites", sites.of(id, doc.agencyId(), request));
    model.addAttribute("agency", agencies.get(doc.agencyId()));
    model.addAttribute("column", agencies.column(doc.working().columnId()).orElse(null));
    model.addAttribute("history", audit.forSubject("document", id));
    model.addAttribute("now", LocalDateTime.now(clock).withSecond(0).withNano(0));
    // The editor sees the wording findings while the draft can still be changed.
    WordingCheck check = wordingCheck.getIfAvailable();
    model.addAttribute(
        "wordingIssues",
        check == null || !doc.working().state().isPrePublication()
            ? List.of()
            : check.check(
                doc.working().title()
                    + "\n"
                    + HtmlUtils.htmlUnescape(doc.working().bodyHtml().replaceAll("<[^>]+>", " "))));
    return "catalog/console-show";
  }

  @GetMapping("/{id}/edit")
  String edit(@PathVariable long id, Model model) {
    EditorialDocument doc = editorial.get(id, access.current());
    return form(
        model, DocumentForm.of(doc.working(), doc.agencyCode(), doc.interpretationOf()), doc);
  }

  @PostMapping("/{id}/edit")
  String update(
      @PathVariable long id,
      @Valid @ModelAttribute("form") DocumentForm form,
      BindingResult errors,
      Model model,
      RedirectAttributes redirect) {
    Staff me = access.current();
    EditorialDocument doc = editorial.get(id, me);
    form.setAgency(doc.agencyCode());
    if (errors.hasErrors() && !onlyAgencyMissing(errors, form)) {
      return form(model, form, doc);
    }
    try {
      editorial.updateDraft(id, form, me);
      redirect.addFlashAttribute("notice", "document.saved");
      return "redirect:/console/documents/" + id;
    } catch (Refusal refusal) {
      Refusals.bind(errors, refusal);
      return form(model, form, doc);
    }
  }

  @PostMapping("/{id}/submit")
  String submit(
      @PathVariable long id,
      @RequestParam(required = false) String personalDataJustification,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "document.submitted",
        () -> editorial.submit(id, personalDataJustification, access.current()));
  }

  @PostMapping("/{id}/approve")
  String approve(
      @PathVariable long id,
      @RequestParam(name = "checks", required = false) List<String> checks,
      @RequestParam(required = false) String comment,
      @RequestParam(required = false) String personalDataJustification,
      RedirectAttributes redirect) {
    boolean allChecked =
        checks != null
            && checks.containsAll(List.of("secrets", "commercial", "privacy", "stability"));
    return act(
        id,
        redirect,
        "document.approved",
        () ->
            editorial.approve(
                id, allChecked, comment, personalDataJustification, access.current()));
  }

  @PostMapping("/{id}/reject")
  String reject(
      @PathVariable long id,
      @RequestParam(required = false) String comment,
      RedirectAttributes redirect) {
    return act(
        id, redirect, "document.rejected", () -> editorial.reject(id, comment, access.current()));
  }

  @PostMapping("/{id}/publish")
  String publish(
      @PathVariable long id,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
          LocalDateTime at,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "document.published",
        () ->
            editorial.publish(
                id, at == null ? null : at.atZone(clock.getZone()).toInstant(), access.current()));
  }

  @PostMapping("/{id}/withdraw")
  String withdraw(
      @PathVariable long id,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "document.withdrawn-notice",
        () -> editorial.withdraw(id, reason, access.current()));
  }

  @PostMapping("/{id}/revise")
  String revise(@PathVariable long id, RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "document.revision-started",
        () -> editorial.startRevision(id, access.current()));
  }

  @PostMapping("/{id}/attachments")
  String attach(
      @PathVariable long id,
      @RequestParam("file") MultipartFile file,
      RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "attachment.added",
        () -> {
          try (InputStream in = file.getInputStream()) {
            editorial.addAttachment(id, file.getOriginalFilename(), in, access.current());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @PostMapping("/{id}/attachments/{attachmentId}/delete")
  String detach(
      @PathVariable long id, @PathVariable long attachmentId, RedirectAttributes redirect) {
    return act(
        id,
        redirect,
        "attachment.removed",
        () -> editorial.removeAttachment(id, attachmentId, access.current()));
  }

  private String act(long id, RedirectAttributes redirect, String notice, Runnable command) {
    try {
      command.run();
      redirect.addFlashAttribute("notice", notice);
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/documents/" + id;
  }

  private String form(Model model, DocumentForm form, EditorialDocument doc) {
    Staff me = access.current();
    Map<Agency, List<Column>> columns = new LinkedHashMap<>();
    for (Agency a : agenciesInScope(me)) {
      if (doc == null || a.id() == doc.agencyId()) {
        columns.put(a, agencies.columns(a.id()));
      }
    }
    model.addAttribute("form", form);
    model.addAttribute("doc", doc);
    model.addAttribute("columnsByAgency", columns);
    model.addAttribute("validities", Validity.values());
    model.addAttribute("modes", DisclosureMode.values());
    model.addAttribute("kinds", DocumentKind.values());
    return "catalog/console-form";
  }

  private void fillAgencyFromColumn(DocumentForm form) {
    if ((form.getAgency() == null || form.getAgency().isBlank()) && form.getColumn() != null) {
      agencies
          .column(form.getColumn())
          .flatMap(c -> agencies.find(c.agencyId()))
          .ifPresent(a -> form.setAgency(a.code()));
    }
  }

  private static boolean onlyAgencyMissing(BindingResult errors, DocumentForm form) {
    return errors.getErrorCount() == 1
        && errors.hasFieldErrors("agency")
        && form.getAgency() != null;
  }

  private List<Agency> agenciesInScope(Staff me) {
    return access.agenciesInScope(me);
  }

  private Map<Long, String> agencyNames() {
    Map<Long, String> names = new LinkedHashMap<>();
    agencies.all().forEach(a -> names.put(a.id(), a.name()));
    return names;
  }
}
