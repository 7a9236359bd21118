package org.gongkai.backup.internal;

import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The backups page: the archives with size, date and checksum, and a button to write one now. */
@Controller
@RequestMapping("/console/backups")
class BackupConsoleController {

  private final Backups backups;
  private final StaffAccess access;

  BackupConsoleController(Backups backups, StaffAccess access) {
    this.backups = backups;
    this.access = access;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("backups", backups.list(access.current()));
    return "backup/console";
  }

  @PostMapping
  String create(RedirectAttributes redirect) {
    try {
      Backups.BackupFile created = backups.create(access.current());
      redirect.addFlashAttribute("notice", "backup.created");
      redirect.addFlashAttribute("noticeArgs", new Object[] {created.name()});
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/backups";
  }
}
