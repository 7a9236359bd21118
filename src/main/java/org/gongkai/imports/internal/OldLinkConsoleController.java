package org.gongkai.imports.internal;

import org.gongkai.account.StaffAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The old links without a home: addresses of imported hosts asked for that nothing answers. */
@Controller
class OldLinkConsoleController {

  private final OldLinkRepository links;
  private final StaffAccess access;

  OldLinkConsoleController(OldLinkRepository links, StaffAccess access) {
    this.links = links;
    this.access = access;
  }

  @GetMapping("/console/imports/old-links")
  String missing(@RequestParam(defaultValue = "0") int page, Model model) {
    access.requirePlatformAdmin(access.current());
    int p = Math.max(page, 0);
    var misses = links.misses(p * OldLinkApi.PAGE, OldLinkApi.PAGE);
    model.addAttribute("misses", misses);
    model.addAttribute("page", p);
    model.addAttribute("hasNext", misses.size() == OldLinkApi.PAGE);
    return "imports/old-links";
  }
}
