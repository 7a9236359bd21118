package org.gongkai.imports.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
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
 * The imports page: the imports with their progress, a form to start a crawl (a dry run unless
 * unticked) and one to import a file; each import's page with its refusals, its report and, after a
 * dry run, the button that runs it for real.
 */
@Controller
@RequestMapping("/console/imports")
class ImportConsoleController {

  private final Imports imports;
  private final FileImports files;
  private final ImportViews views;
  private final StaffAccess access;

  ImportConsoleController(
      Imports imports, FileImports files, ImportViews views, StaffAccess access) {
    this.imports = imports;
    this.files = files;
    this.views = views;
    this.access = access;
  }

  @GetMapping
  String list(Model model, Locale locale) {
    Staff staff = access.current();
    model.addAttribute(
        "imports", imports.list(staff).stream().map(j -> views.view(j, 0, locale)).toList());
    model.addAttribute("agencies", administered(staff));
    model.addAttribute("fields", ImportFiles.FIELDS);
    return "imports/console";
  }

  @GetMapping("/{id}")
  String show(
      @PathVariable long id,
      @RequestParam(defaultValue = "0") int page,
      Model model,
      Locale locale) {
    ImportJob job = imports.get(id, access.current());
    ImportViews.View view = views.view(job, page, locale);
    model.addAttribute("job", view);
    model.addAttribute("active", job.state().active());
    model.addAttribute(
        "runForReal",
        job.dryRun() && job.state() == ImportState.DONE && job.kind().equals(ImportJob.CRAWL));
    model.addAttribute("hasNext", view.refusals().items().size() == ImportViews.PAGE);
    return "imports/import";
  }

  @PostMapping
  String start(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String startUrls,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam(required = false) Double rate,
      RedirectAttributes redirect) {
    List<String> urls =
        startUrls == null
            ? List.of()
            : Arrays.stream(startUrls.split("\\s+")).filter(s -> !s.isBlank()).toList();
    try {
      long id =
          imports.startCrawl(
              new Imports.Start(urls, agency, dryRun, null, rate, null), access.current());
      return "redirect:/console/imports/" + id;
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
      return "redirect:/console/imports";
    }
  }

  @PostMapping("/file")
  String startFile(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) MultipartFile file,
      @RequestParam(defaultValue = "false") boolean dryRun,
      @RequestParam Map<String, String> form,
      RedirectAttributes redirect)
      throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    for (String field : ImportFiles.FIELDS) {
      String header = form.get("field." + field);
      if (header != null && !header.isBlank()) {
        fields.put(field, header.strip());
      }
    }
    try {
      if (file == null || file.isEmpty()) {
        throw Refusal.invalidField("file", "import.file.empty");
      }
      long id =
          files.start(
              file.getOriginalFilename(),
              file.getBytes(),
              new FileImports.FileMapping(agency, dryRun, null, fields, null, null),
              access.current());
      return "redirect:/console/imports/" + id;
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
      return "redirect:/console/imports";
    }
  }

  /** The dry run's start pages, crawled for real. */
  @PostMapping("/{id}/run")
  String runForReal(@PathVariable long id, RedirectAttributes redirect) {
    Staff staff = access.current();
    ImportJob dry = imports.get(id, staff);
    try {
      long real =
          imports.startCrawl(
              new Imports.Start(
                  dry.startUrls(),
                  views.view(dry, 0, Locale.ROOT).agency(),
                  false,
                  null,
                  dry.ratePerSecond(),
                  dry.maxDocuments()),
              staff);
      return "redirect:/console/imports/" + real;
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
      return "redirect:/console/imports/" + id;
    }
  }

  @PostMapping("/{id}/cancel")
  String cancel(@PathVariable long id, RedirectAttributes redirect) {
    try {
      imports.cancel(id, access.current());
      redirect.addFlashAttribute("notice", "import.cancelled");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/imports/" + id;
  }

  private List<Agency> administered(Staff staff) {
    return access.agenciesInScope(staff).stream()
        .filter(a -> imports.administers(staff, a.id()))
        .toList();
  }
}
