package org.gongkai.subscription.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.gongkai.shared.web.Refusal;
import org.gongkai.site.Site;
import org.gongkai.site.Sites;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** The site a reader subscribes on (by the request's host), and whether mail can be sent at all. */
@Component
class ReaderSites {

  private final Sites sites;
  private final ObjectProvider<JavaMailSender> mail;

  ReaderSites(Sites sites, ObjectProvider<JavaMailSender> mail) {
    this.sites = sites;
    this.mail = mail;
  }

  Site serving(HttpServletRequest request) {
    return sites
        .serving(request.getServerName())
        .orElseThrow(() -> Refusal.notFound("error.not-found"));
  }

  boolean mailConfigured() {
    return mail.getIfAvailable() != null;
  }

  /** Refuses with 503 where no mail server is configured: a confirmation could not be sent. */
  void requireMail() {
    if (!mailConfigured()) {
      throw Refusal.unavailable("subscription.mail.unavailable");
    }
  }
}
