package org.gongkai.interaction.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.interaction.MessageType;
import org.gongkai.shared.web.Challenge;
import org.gongkai.shared.web.PublicPage;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.gongkai.shared.web.SubmissionThrottle;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public mailbox: write, follow with code and secret, rate the reply, read the published Q&A.
 */
@Controller
@PublicPage
@RequestMapping("/mailbox")
class MailboxPortalController {

  private final MailboxIntake mailbox;
  private final AgencyDirectory agencies;
  private final Challenge challenge;
  private final SubmissionThrottle throttle;

  MailboxPortalController(
      MailboxIntake mailbox,
      AgencyDirectory agencies,
      Challenge challenge,
      SubmissionThrottle throttle) {
    this.mailbox = mailbox;
    this.agencies = agencies;
    this.challenge = challenge;
    this.throttle = throttle;
  }

  @GetMapping
  String form(@RequestParam(required = false) String agency, Model model) {
    return form(
        model,
        new MailboxViews.Form(
            agency, MessageType.QUESTION, false, null, null, null, null, null, false, null));
  }

  private String form(Model model, MailboxViews.Form form) {
    model.addAttribute("form", form);
    model.addAttribute("agencies", agencies.all());
    model.addAttribute("types", MessageType.values());
    model.addAttribute("question", challenge.issue());
    return "interaction/mailbox";
  }

  @PostMapping
  String submit(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) MessageType type,
      @RequestParam(required = false) boolean toHead,
      @RequestParam(required = false) String title,
      @RequestParam(required = false) String content,
      @RequestParam(required = false) String name,
      @RequestParam(required = false) String phone,
      @RequestParam(required = false) String email,
      @RequestParam(required = false) boolean publicConsent,
      @RequestParam(required = false) String challengeToken,
      @RequestParam(required = false) String challengeAnswer,
      @RequestParam(name = Challenge.FIELD, required = false) String altcha,
      HttpServletRequest request,
      Model model) {
    MailboxViews.Form form =
        new MailboxViews.Form(
            agency, type, toHead, title, content, name, phone, email, publicConsent, null);
    try {
      Challenge.Solved solved = challenge.verifyForm(altcha, challengeToken, challengeAnswer);
      throttle.acquire(MailboxApi.THROTTLE, request.getRemoteAddr());
      // The answer to the post itself: a flash attribute would open a session to carry it.
      model.addAttribute("ack", mailbox.submit(form, solved));
      return "interaction/acknowledged";
    } catch (Refusal refusal) {
      model.addAttribute("problems", refusal.fieldProblems());
      Refusals.show(model, refusal);
      return form(model, form);
    }
  }

  @GetMapping("/acknowledged")
  String acknowledged(Model model) {
    return model.containsAttribute("ack") ? "interaction/acknowledged" : "redirect:/mailbox/status";
  }

  @GetMapping("/status")
  String statusForm() {
    return "interaction/status";
  }

  @PostMapping("/status")
  String status(
      @RequestParam(required = false) String trackingCode,
      @RequestParam(required = false) String secret,
      Model model) {
    model.addAttribute("trackingCode", trackingCode);
    try {
      model.addAttribute("status", mailbox.status(trackingCode, secret));
      model.addAttribute("secret", secret);
    } catch (Refusal refusal) {
      Refusals.show(model, refusal);
    }
    return "interaction/status";
  }

  @PostMapping("/rating")
  String rate(
      @RequestParam(required = false) String trackingCode,
      @RequestParam(required = false) String secret,
      @RequestParam(required = false) Integer rating,
      @RequestParam(required = false) String comment,
      Model model) {
    try {
      mailbox.rate(trackingCode, secret, rating, comment);
      model.addAttribute("notice", "mailbox.rated");
    } catch (Refusal refusal) {
      Refusals.show(model, refusal);
    }
    return status(trackingCode, secret, model);
  }

  @GetMapping("/qa")
  String qa(@RequestParam(required = false) String agency, Model model) {
    model.addAttribute("items", mailbox.qa(agency));
    return "interaction/qa";
  }
}
