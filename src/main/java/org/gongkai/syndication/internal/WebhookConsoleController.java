package org.gongkai.syndication.internal;

import java.util.ArrayList;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.gongkai.syndication.Delivery;
import org.gongkai.syndication.Endpoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The endpoints of other platforms, each with its recent deliveries, a button to send one again and
 * one to pause or resume the endpoint, and a form to register a new one (the same checks as the
 * admin API: an http(s) address outside private networks, a secret of 16 characters or more, at
 * least one agency or column).
 */
@Controller
@RequestMapping("/console/webhooks")
class WebhookConsoleController {

  private static final int RECENT = 20;

  private final WebhookService webhooks;
  private final StaffAccess access;
  private final AgencyDirectory agencies;

  WebhookConsoleController(WebhookService webhooks, StaffAccess access, AgencyDirectory agencies) {
    this.webhooks = webhooks;
    this.access = access;
    this.agencies = agencies;
  }

  record EndpointRow(Endpoint endpoint, List<String> agencyNames, List<Delivery> deliveries) {}

  @GetMapping
  String list(Model model) {
    platformAdmin();
    model.addAttribute("allAgencies", agencies.all());
    model.addAttribute(
        "endpoints",
        webhooks.all().stream()
            .map(
                e ->
                    new EndpointRow(
                        e,
                        e.agencyIds().stream().map(a -> agencies.get(a).name()).toList(),
                        webhooks.recent(e.id(), RECENT)))
            .toList());
    return "syndication/console";
  }

  /**
   * Registers an endpoint from the console's form: agencies by id (checkboxes), columns as ids
   * separated by commas or spaces. A refused form says why and saves nothing; the secret is never
   * put back into the page.
   */
  @PostMapping
  String register(
      @RequestParam(required = false) String url,
      @RequestParam(required = false) String secret,
      @RequestParam(name = "agencies", required = false) List<Long> agencyIds,
      @RequestParam(required = false) String columns,
      RedirectAttributes redirect) {
    Staff me = platformAdmin();
    try {
      List<Long> chosen = new ArrayList<>();
      for (Long id : agencyIds == null ? List.<Long>of() : agencyIds) {
        chosen.add(
            agencies
                .find(id)
                .orElseThrow(() -> Refusal.invalidField("agencies", "agency.not-found"))
                .id());
      }
      Endpoint created = webhooks.register(url, secret, chosen, columnIds(columns), me);
      redirect.addFlashAttribute("notice", "webhook.registered");
      return "redirect:/console/webhooks#endpoint-" + created.id();
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
      redirect.addFlashAttribute("enteredUrl", url);
      redirect.addFlashAttribute("enteredAgencies", agencyIds == null ? List.of() : agencyIds);
      redirect.addFlashAttribute("enteredColumns", columns);
      return "redirect:/console/webhooks#new-endpoint";
    }
  }

  /** Column ids as typed: numbers separated by commas, spaces or the ideographic comma. */
  static List<Long> columnIds(String typed) {
    List<Long> ids = new ArrayList<>();
    if (typed == null || typed.isBlank()) {
      return ids;
    }
    for (String part : typed.strip().split("[\\s,，、]+")) {
      try {
        ids.add(Long.parseLong(part));
      } catch (NumberFormatException e) {
        throw Refusal.invalidField("columns", "webhook.columns.invalid", part);
      }
    }
    return ids;
  }

  @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
  String redeliver(
      @PathVariable long id, @PathVariable long deliveryId, RedirectAttributes redirect) {
    Staff me = platformAdmin();
    try {
      webhooks.redeliver(id, deliveryId, me);
      redirect.addFlashAttribute("notice", "webhook.redelivered");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/webhooks";
  }

  @PostMapping("/{id}/disable")
  String disable(@PathVariable long id, RedirectAttributes redirect) {
    webhooks.setEnabled(id, false, platformAdmin());
    redirect.addFlashAttribute("notice", "webhook.disabled");
    return "redirect:/console/webhooks";
  }

  @PostMapping("/{id}/enable")
  String enable(@PathVariable long id, RedirectAttributes redirect) {
    webhooks.setEnabled(id, true, platformAdmin());
    redirect.addFlashAttribute("notice", "webhook.enabled");
    return "redirect:/console/webhooks";
  }

  private Staff platformAdmin() {
    Staff me = access.current();
    access.requirePlatformAdmin(me);
    return me;
  }
}
