package org.gongkai.syndication.internal;

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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The endpoints of other platforms, each with its recent deliveries, a button to send one again and
 * one to pause or resume the endpoint. Endpoints are registered through the admin API.
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
