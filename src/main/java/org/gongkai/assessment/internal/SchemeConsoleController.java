package org.gongkai.assessment.internal;

import java.io.IOException;
import java.util.Locale;
import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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

/**
 * The platform admin's scheme editor: the indicator tree, one indicator's form, and the spreadsheet
 * in and out.
 */
@Controller
@RequestMapping("/console/assessments/schemes")
class SchemeConsoleController {

  private final Schemes schemes;
  private final SchemeWorkbook workbook;
  private final StaffAccess access;

  SchemeConsoleController(Schemes schemes, SchemeWorkbook workbook, StaffAccess access) {
    this.schemes = schemes;
    this.workbook = workbook;
    this.access = access;
  }

  @GetMapping("/{year:\\d+}")
  String show(@PathVariable int year, @RequestParam(required = false) String edit, Model model) {
    access.requirePlatformAdmin(access.current());
    Scheme scheme = schemes.get(year);
    model.addAttribute("scheme", scheme);
    model.addAttribute("depths", scheme.indicators().stream().map(scheme::depth).toList());
    model.addAttribute("editing", edit == null ? null : scheme.find(edit).orElse(null));
    model.addAttribute("kinds", IndicatorKind.values());
    model.addAttribute("rules", AutoRule.values());
    model.addAttribute(
        "categories",
        scheme.indicators().stream().filter(i -> i.kind() == IndicatorKind.CATEGORY).toList());
    return "assessment/console-scheme";
  }

  @PostMapping
  String create(@RequestParam(required = false) Integer year, RedirectAttributes redirect) {
    try {
      if (year == null) {
        throw Refusal.invalidField("year", "assessment.year.invalid");
      }
      schemes.create(year, access.current());
      redirect.addFlashAttribute("notice", "assessment.scheme.created");
      return "redirect:/console/assessments/schemes/" + year;
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
      return "redirect:/console/assessments";
    }
  }

  @PostMapping("/{year:\\d+}/indicators")
  String save(
      @PathVariable int year,
      @RequestParam(required = false) String original,
      @RequestParam(required = false) String code,
      @RequestParam(required = false) String parent,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String kind,
      @RequestParam(required = false) String weight,
      @RequestParam(required = false) String max,
      @RequestParam(required = false) String rule,
      @RequestParam(required = false) String parameter,
      @RequestParam(required = false) String criterion,
      RedirectAttributes redirect) {
    try {
      schemes.saveIndicator(
          year,
          original,
          new SchemeCheck.Row(0, code, parent, name, kind, weight, max, rule, parameter, criterion),
          access.current());
      redirect.addFlashAttribute("notice", "assessment.indicator.saved");
    } catch (Schemes.SchemeRefused refused) {
      redirect.addFlashAttribute("schemeProblems", refused.problems());
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/assessments/schemes/" + year;
  }

  @PostMapping("/{year:\\d+}/indicators/delete")
  String delete(@PathVariable int year, @RequestParam String code, RedirectAttributes redirect) {
    try {
      schemes.deleteIndicator(year, code, access.current());
      redirect.addFlashAttribute("notice", "assessment.indicator.deleted");
    } catch (Schemes.SchemeRefused refused) {
      redirect.addFlashAttribute("schemeProblems", refused.problems());
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/assessments/schemes/" + year;
  }

  @PostMapping("/{year:\\d+}/import")
  String importFile(
      @PathVariable int year,
      @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    try {
      access.requirePlatformAdmin(access.current());
      Scheme scheme =
          workbook.importWorkbook(
              year, file == null ? new byte[0] : file.getBytes(), access.current());
      redirect.addFlashAttribute("notice", "assessment.scheme.imported");
      redirect.addFlashAttribute("noticeArgs", new Object[] {scheme.indicators().size()});
    } catch (Schemes.SchemeRefused refused) {
      redirect.addFlashAttribute("schemeProblems", refused.problems());
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/assessments/schemes/" + year;
  }

  @GetMapping("/{year:\\d+}.xlsx")
  ResponseEntity<byte[]> export(@PathVariable int year, Locale locale) {
    access.requirePlatformAdmin(access.current());
    return ResponseEntity.ok()
        .contentType(
            MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename("assessment-scheme-" + year + ".xlsx")
                .build()
                .toString())
        .body(workbook.export(schemes.get(year), locale));
  }
}
