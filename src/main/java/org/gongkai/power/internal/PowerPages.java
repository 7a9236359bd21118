package org.gongkai.power.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.power.PowerType;
import org.gongkai.shared.web.PublicPage;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The power catalog's pages: browse and read on the portal, enter and import in the console. */
final class PowerPages {

  private PowerPages() {}

  @Controller
  @PublicPage
  @RequestMapping("/powers")
  static class Portal {

    private final Powers powers;
    private final AgencyDirectory agencies;

    Portal(Powers powers, AgencyDirectory agencies) {
      this.powers = powers;
      this.agencies = agencies;
    }

    @GetMapping
    String list(
        @RequestParam(required = false) String agency,
        @RequestParam(required = false) PowerType type,
        @RequestParam(required = false) String q,
        Model model) {
      model.addAttribute("items", powers.list(agency, type, q));
      model.addAttribute("agency", agency);
      model.addAttribute("type", type);
      model.addAttribute("q", q);
      model.addAttribute("types", PowerType.values());
      model.addAttribute("agencies", agencies.all());
      return "power/list";
    }

    @GetMapping("/{code}")
    String show(@PathVariable String code, Model model) {
      Powers.Power p = powers.get(code);
      Flow flow = powers.flow(p.current());
      model.addAttribute("p", p);
      model.addAttribute("flow", flow);
      model.addAttribute("svg", flow.svg(p.current().name()));
      return "power/show";
    }

    @GetMapping(path = "/{code}/flowchart.svg", produces = "image/svg+xml")
    ResponseEntity<String> svg(@PathVariable String code) {
      Powers.Power p = powers.get(code);
      return ResponseEntity.ok()
          .contentType(MediaType.valueOf("image/svg+xml"))
          .body(powers.flow(p.current()).svg(p.current().name()));
    }
  }

  @Controller
  @RequestMapping("/console/powers")
  static class Console {

    private final Powers powers;
    private final PowerWorkbooks workbooks;
    private final AgencyDirectory agencies;
    private final StaffAccess access;

    Console(Powers powers, PowerWorkbooks workbooks, AgencyDirectory agencies, StaffAccess access) {
      this.powers = powers;
      this.workbooks = workbooks;
      this.agencies = agencies;
      this.access = access;
    }

    @GetMapping
    String list(@RequestParam(required = false) String agency, Model model) {
      var choice = access.chooseAgency(access.current(), agency);
      List<Agency> mine = choice.agencies();
      Agency selected = choice.selected();
      model.addAttribute("agencies", mine);
      model.addAttribute("selected", selected);
      model.addAttribute("items", powers.list(selected.code(), null, null));
      model.addAttribute("pending", powers.pending(selected.code(), access.current()));
      model.addAttribute("types", PowerType.values());
      return "power/console";
    }

    @PostMapping
    String save(
        @RequestParam String agency,
        @RequestParam(required = false) String code,
        @RequestParam(required = false) String name,
        @RequestParam(required = false) PowerType type,
        @RequestParam(required = false) String legalBasis,
        @RequestParam(required = false) String unit,
        @RequestParam(required = false) String conditions,
        @RequestParam(required = false) String materials,
        @RequestParam(required = false) String timeLimit,
        @RequestParam(required = false) String fees,
        @RequestParam(required = false) String contact,
        @RequestParam(required = false) String flow,
        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate effectiveOn,
        @RequestParam(required = false) String changeNote,
        RedirectAttributes redirect) {
      try {
        powers.save(
            agency,
            new Powers.Form(
                code,
                name,
                type,
                legalBasis,
                unit,
                conditions,
                materials,
                timeLimit,
                fees,
                contact,
                flow,
                effectiveOn,
                changeNote),
            access.current());
        redirect.addFlashAttribute("notice", "report.saved");
      } catch (Refusal refusal) {
        Refusals.flash(redirect, refusal);
      }
      return "redirect:/console/powers?agency=" + agency;
    }

    @PostMapping("/approve")
    String approve(
        @RequestParam String agency,
        @RequestParam(required = false) String code,
        RedirectAttributes redirect) {
      try {
        int approved = powers.approve(agency, code, access.current());
        redirect.addFlashAttribute("notice", "power.approved");
        redirect.addFlashAttribute("noticeArgs", new Object[] {approved});
      } catch (Refusal refusal) {
        Refusals.flash(redirect, refusal);
      }
      return "redirect:/console/powers?agency=" + agency;
    }

    @PostMapping("/import")
    String importFile(
        @RequestParam String agency,
        @RequestParam(name = "file", required = false) MultipartFile file,
        RedirectAttributes redirect)
        throws IOException {
      try {
        int rows =
            workbooks.importWorkbook(
                agency, file == null ? new byte[0] : file.getBytes(), access.current());
        redirect.addFlashAttribute("notice", "power.imported");
        redirect.addFlashAttribute("importedRows", rows);
      } catch (PowerWorkbooks.ImportRefused refused) {
        redirect.addFlashAttribute("importProblems", refused.problems());
      } catch (Refusal refusal) {
        Refusals.flash(redirect, refusal);
      }
      return "redirect:/console/powers?agency=" + agency;
    }
  }
}
