package org.gongkai.account.internal;

import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The login page: user name and password, and the unified identity services configured for single
 * sign-on.
 */
@Controller
class LoginController {

  private final ObjectProvider<ClientRegistrationRepository> singleSignOn;

  LoginController(ObjectProvider<ClientRegistrationRepository> singleSignOn) {
    this.singleSignOn = singleSignOn;
  }

  record Provider(String id, String name) {}

  @GetMapping("/login")
  String login(Model model) {
    List<Provider> providers = new ArrayList<>();
    if (singleSignOn.getIfAvailable() instanceof Iterable<?> registrations) {
      for (Object r : registrations) {
        ClientRegistration registration = (ClientRegistration) r;
        providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
      }
    }
    model.addAttribute("providers", providers);
    return "account/login";
  }
}
