package org.gongkai.catalog.internal;

import org.gongkai.account.StaffAccess;
import org.gongkai.catalog.DocumentForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The form as the portal would show it, before anything is saved: the body cleaned by the same
 * sanitizer that saving applies, in the portal's document layout.
 */
@Controller
class DocumentPreviewController {

  private final BodySanitizer sanitizer;
  private final StaffAccess access;

  DocumentPreviewController(BodySanitizer sanitizer, StaffAccess access) {
    this.sanitizer = sanitizer;
    this.access = access;
  }

  @PostMapping("/console/documents/preview")
  String preview(@ModelAttribute("form") DocumentForm form, Model model) {
    access.current();
    model.addAttribute("bodyHtml", sanitizer.sanitize(form.getBody()));
    return "catalog/console-preview";
  }
}
