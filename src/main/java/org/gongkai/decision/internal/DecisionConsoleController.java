package org.gongkai.decision.internal;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.account.AgencyChoice;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.decision.DecisionKind;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register in the console: an agency's decisions with their publish-by dates, the entry form, a
 * decision's page with the steps the member of staff may take, and the spreadsheet import.
 */
@Controller
@RequestMapping("/console/decisions")
class DecisionConsoleController {

  private final Decisions decisions;
  private final DecisionSteps steps;
  private final DecisionChecks checks;
  private final DecisionQueries queries;
  private final DecisionImports imports;
  private final StaffAccess access;
  private final MessageSource messages;

  DecisionConsoleController(
      Decisions decisions,
      DecisionSteps steps,
      DecisionChecks checks,
      DecisionQueries queries,
      DecisionImports imports,
      StaffAccess access,
      MessageSource messages) {
    this.decisions = decisions;
    this.steps = steps;
    this.checks = checks;
    this.queries = queries;
    this.imports = imports;
    this.access = access;
    this.messages = messages;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) DecisionState state,
      @RequestParam(required = false) DecisionKind kind,
      @RequestParam(required = false) String q,
      @RequestParam(required = false) String batch,
      @RequestParam(required = false) Integer page,
      Model model) {
    Staff staff = access.current();
    AgencyChoice choice = access.chooseAgency(staff, agency);
    model.addAttribute("agencies", choice.agencies());
    model.addAttribute("selected", choice.selected());
    model.addAttribute(
        "result",
        queries.staffList(staff, List.of(choice.selected().id()), q, kind, state, batch, page));
    model.addAttribute("batch", batch == null || batch.isBlank() ? null : batch.strip());
    model.addAttribute("batchSteps", List.of("submit", "approve", "publish"));
    model.addAttribute("state", state);
    model.addAttribute("kind", kind);
    model.addAttribute("q", q);
    model.addAttribute("states", DecisionState.values());
    model.addAttribute("kinds", DecisionKind.values());
    return "decision/console-list";
  }

  @GetMapping("/new")
  String form(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) DecisionKind kind,
      Model model) {
    AgencyChoice choice = access.chooseAgency(access.current(), agency);
    Map<String, String> values = new HashMap<>();
    values.put("kind", (kind == null ? DecisionKind.PENALTY : kind).name());
    return form(model, choice, values, List.of());
  }

  private String form(
      Model model,
      AgencyChoice choice,
      Map<String, String> values,
      List<DecisionFormPage.Problem> problems) {
    return DecisionFormPage.render(model, choice.selected(), values, problems, null);
  }

  @PostMapping
  String create(
      @RequestParam Map<String, String> values,
      Model model,
      RedirectAttributes redirect,
      Locale locale) {
    Staff staff = access.current();
    AgencyChoice choice = access.chooseAgency(staff, values.get("agency"));
    ConsoleForms.Read read = ConsoleForms.lenient(values, choice.selected().code());
    try {
      if (!read.problems().isEmpty()) {
        throw Refusal.invalid(
            ConsoleForms.merged(read.problems(), checks.problems(read.form(), choice.selected())));
      }
      long id = decisions.create(read.form(), staff);
      redirect.addFlashAttribute("notice", "decision.saved");
      return "redirect:/console/decisions/" + id;
    } catch (Refusal refusal) {
      if (refusal.fieldProblems().isEmpty()) {
        throw refusal;
      }
      model.addAttribute("refused", true);
      return form(model, choice, values, DecisionFormPage.problems(refusal, messages, locale));
    }
  }

  @GetMapping("/{id}")
  String show(@PathVariable long id, Model model) {
    model.addAttribute("d", queries.staffGet(id, access.current()));
    model.addAttribute("history", queries.history(id));
    model.addAttribute("plainSteps", List.of("submit", "approve", "publish"));
    model.addAttribute("reasonSteps", List.of("return", "revoke"));
    return "decision/console-show";
  }

  @PostMapping("/{id}/{step}")
  String step(
      @PathVariable long id,
      @PathVariable String step,
      @RequestParam(required = false) String reason,
      RedirectAttributes redirect) {
    Staff staff = access.current();
    try {
      switch (step) {
        case "submit" -> steps.submit(id, staff);
        case "approve" -> steps.approve(id, staff);
        case "publish" -> steps.publish(id, staff);
        case "return" -> steps.returnToDraft(id, reason, staff);
        case "revoke" -> steps.revoke(id, reason, staff);
        default -> throw Refusal.notFound("error.not-found");
      }
      redirect.addFlashAttribute("notice", "decision.step." + step + ".done");
    } catch (Refusal refusal) {
      if (refusal.status().value() == 404) {
        throw refusal;
      }
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/decisions/" + id;
  }

  @PostMapping("/import")
  String importFile(
      @RequestParam String agency,
      @RequestParam(required = false) DecisionKind kind,
      @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    try {
      DecisionImports.Imported imported =
          imports.importWorkbook(
              agency, kind, file == null ? new byte[0] : file.getBytes(), access.current());
      redirect.addFlashAttribute("notice", "decision.imported");
      redirect.addFlashAttribute("noticeArgs", new Object[] {imported.rows()});
      return "redirect:/console/decisions?agency=" + agency + "&batch=" + imported.batch();
    } catch (DecisionImports.ImportRefused refused) {
      redirect.addFlashAttribute("importProblems", refused.problems());
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/decisions?agency=" + agency;
  }
}
