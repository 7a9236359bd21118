package org.gongkai.imports.internal;

import java.util.List;
import java.util.Map;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The column mapping of an agency's imports: each old column (by name, or {@code *} for pages that
 * name none) and the agency's column its documents go to; added, changed and removed one by one.
 */
@Controller
@RequestMapping("/console/imports/columns")
class ColumnMappingConsoleController {

  private final ColumnMappings mappings;
  private final AgencyDirectory agencies;
  private final StaffAccess access;

  ColumnMappingConsoleController(
      ColumnMappings mappings, AgencyDirectory agencies, StaffAccess access) {
    this.mappings = mappings;
    this.agencies = agencies;
    this.access = access;
  }

  @GetMapping
  String show(@RequestParam(required = false) String agency, Model model) {
    Staff staff = access.current();
    List<Agency> administered =
        access.agenciesInScope(staff).stream().filter(a -> administers(staff, a.id())).toList();
    model.addAttribute("agencies", administered);
    Agency chosen =
        agency == null
            ? administered.stream().findFirst().orElse(null)
            : agencies.findByCode(agency).orElseThrow(() -> Refusal.notFound("agency.not-found"));
    if (chosen != null) {
      access.requireAdministrator(staff, chosen.id());
      model.addAttribute("agency", chosen);
      model.addAttribute("mapping", mappings.of(chosen.id()));
      model.addAttribute("columns", agencies.columns(chosen.id()));
    }
    return "imports/columns";
  }

  @PostMapping
  String put(
      @RequestParam String agency,
      @RequestParam(required = false) String oldName,
      @RequestParam(required = false) Long column,
      RedirectAttributes redirect) {
    Agency chosen =
        agencies.findByCode(agency).orElseThrow(() -> Refusal.notFound("agency.not-found"));
    try {
      if (oldName == null || oldName.isBlank() || column == null) {
        throw Refusal.invalidField("oldName", "import.mapping.name", "");
      }
      mappings.put(chosen.id(), Map.of(oldName.strip(), column), access.current());
      redirect.addFlashAttribute("notice", "import.mapping.saved");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/imports/columns?agency=" + chosen.code();
  }

  @PostMapping("/remove")
  String remove(
      @RequestParam String agency, @RequestParam String oldName, RedirectAttributes redirect) {
    Agency chosen =
        agencies.findByCode(agency).orElseThrow(() -> Refusal.notFound("agency.not-found"));
    mappings.remove(chosen.id(), oldName, access.current());
    redirect.addFlashAttribute("notice", "import.mapping.removed");
    return "redirect:/console/imports/columns?agency=" + chosen.code();
  }

  private boolean administers(Staff staff, long agencyId) {
    try {
      access.requireAdministrator(staff, agencyId);
      return true;
    } catch (Refusal notTheirs) {
      return false;
    }
  }
}
