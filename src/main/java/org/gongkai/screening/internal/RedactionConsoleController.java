package org.gongkai.screening.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gongkai.account.AgencyChoice;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.screening.Ground;
import org.gongkai.screening.RedactionWorks.Work;
import org.gongkai.screening.Redactions;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.http.CacheControl;
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
 * The redaction pages: upload a PDF or DOCX, see a PDF's pages as pictures and draw boxes on them
 * (with the mouse, the keyboard, or by typing their place in millimetres), tick the scanner's
 * findings, name the legal ground, and download the redacted file.
 */
@Controller
@RequestMapping("/console/redactions")
class RedactionConsoleController {

  private final RedactionWorkService works;
  private final RedactionWorkRepository repository;
  private final StaffAccess access;

  RedactionConsoleController(
      RedactionWorkService works, RedactionWorkRepository repository, StaffAccess access) {
    this.works = works;
    this.repository = repository;
    this.access = access;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) String reference,
      Model model) {
    Staff staff = access.current();
    AgencyChoice choice = access.chooseAgency(staff, agency);
    model.addAttribute("agencies", choice.agencies());
    model.addAttribute("selected", choice.selected());
    model.addAttribute("reference", reference);
    model.addAttribute("works", repository.recent(List.of(choice.selected().id()), 50));
    return "screening/console-list";
  }

  @PostMapping
  String upload(
      @RequestParam String agency,
      @RequestParam(required = false) String reference,
      @RequestParam(name = "file", required = false) MultipartFile file,
      RedirectAttributes redirect)
      throws IOException {
    Staff staff = access.current();
    AgencyChoice choice = access.chooseAgency(staff, agency);
    try {
      if (file == null || file.isEmpty()) {
        throw Refusal.invalidField("file", "redaction.file.missing");
      }
      Work work =
          works.start(
              staff,
              choice.selected().id(),
              reference,
              file.getOriginalFilename(),
              file.getBytes());
      return "redirect:/console/redactions/" + work.id();
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
      redirect.addAttribute("agency", choice.selected().code());
      if (reference != null && !reference.isBlank()) {
        redirect.addAttribute("reference", reference);
      }
      return "redirect:/console/redactions";
    }
  }

  @GetMapping("/{id}")
  String show(@PathVariable long id, Model model) {
    Staff staff = access.current();
    RedactionWorkService.Sheet sheet = works.sheet(id, staff);
    model.addAttribute("work", sheet.work());
    model.addAttribute("pdf", sheet.pdf());
    model.addAttribute("pages", sheet.pages());
    model.addAttribute("findings", sheet.findings());
    model.addAttribute("grounds", Ground.values());
    model.addAttribute("rows", BoxRows.fromBoxes(sheet.lastBoxes(), sheet.pages()));
    return "screening/console-show";
  }

  @GetMapping("/{id}/pages/{page}.png")
  ResponseEntity<byte[]> page(@PathVariable long id, @PathVariable int page) {
    return ResponseEntity.ok()
        .contentType(MediaType.IMAGE_PNG)
        .cacheControl(CacheControl.noStore())
        .body(works.pageImage(id, page, access.current()));
  }

  @PostMapping("/{id}")
  String redact(
      @PathVariable long id,
      @RequestParam(name = "page", required = false) List<String> page,
      @RequestParam(name = "left", required = false) List<String> left,
      @RequestParam(name = "top", required = false) List<String> top,
      @RequestParam(name = "width", required = false) List<String> width,
      @RequestParam(name = "height", required = false) List<String> height,
      @RequestParam(name = "boxGround", required = false) List<String> boxGround,
      @RequestParam(required = false) String texts,
      @RequestParam(defaultValue = "false") boolean auto,
      @RequestParam(required = false) String ground,
      RedirectAttributes redirect) {
    Staff staff = access.current();
    try {
      List<OriginalPages.PageSize> pages = works.pages(id, staff);
      List<Redactions.Box> boxes =
          BoxRows.toBoxes(new BoxRows.Fields(page, left, top, width, height, boxGround), pages);
      List<String> words =
          texts == null
              ? List.of()
              : texts.lines().map(String::strip).filter(t -> !t.isEmpty()).toList();
      Work work = works.redact(id, boxes, words, auto, BoxRows.ground(ground, "ground"), staff);
      redirect.addFlashAttribute("notice", "redaction.made");
      redirect.addFlashAttribute("noticeArgs", new Object[] {work.boxes(), work.findings()});
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/redactions/" + id;
  }

  @GetMapping("/{id}/redacted")
  ResponseEntity<byte[]> redacted(@PathVariable long id) {
    Staff staff = access.current();
    Work work = works.work(id, staff);
    return download(work.redactedName(), work.contentType(), works.redacted(id, staff));
  }

  @GetMapping("/{id}/original")
  ResponseEntity<byte[]> original(@PathVariable long id) {
    Staff staff = access.current();
    Work work = works.work(id, staff);
    return download(work.fileName(), work.contentType(), works.original(id, staff));
  }

  private static ResponseEntity<byte[]> download(String name, String type, byte[] content) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.parseMediaType(type));
    headers.setContentDisposition(
        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build());
    headers.setCacheControl(CacheControl.noStore());
    return ResponseEntity.ok().headers(headers).body(content);
  }
}
