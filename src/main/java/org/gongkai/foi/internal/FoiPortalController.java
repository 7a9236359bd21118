package org.gongkai.foi.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.UUID;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.foi.Acknowledgement;
import org.gongkai.foi.ApplicantType;
import org.gongkai.foi.Application;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.IdType;
import org.gongkai.foi.InformationForm;
import org.gongkai.shared.web.Challenge;
import org.gongkai.shared.web.PublicPage;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.gongkai.shared.web.SubmissionThrottle;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The public pages: the application form, the acknowledgement with tracking code and secret, and
 * the status page. The status is asked for by POST so that the secret stays out of addresses and
 * logs.
 */
@Controller
@PublicPage
@RequestMapping("/foi")
class FoiPortalController {

  private final RequestIntake service;
  private final RequestQueries queries;
  private final AgencyDirectory agencies;
  private final SubmissionThrottle throttle;
  private final Challenge challenge;

  FoiPortalController(
      RequestIntake service,
      RequestQueries queries,
      AgencyDirectory agencies,
      SubmissionThrottle throttle,
      Challenge challenge) {
    this.challenge = challenge;
    this.service = service;
    this.queries = queries;
    this.agencies = agencies;
    this.throttle = throttle;
  }

  @GetMapping("/apply")
  String form(@RequestParam(required = false) String agency, Model model) {
    Application application = new Application();
    application.setAgency(agency);
    application.setApplicantType(ApplicantType.NATURAL_PERSON);
    application.setIdType(IdType.RESIDENT_ID);
    application.setDeliveryChannel(DeliveryChannel.EMAIL);
    return form(model, application, UUID.randomUUID().toString());
  }

  /**
   * The form's one-time token is the idempotency key: a double click or a resent form finds the
   * request the first submission stored and shows the same acknowledgement.
   */
  @PostMapping("/apply")
  String apply(
      @Valid @ModelAttribute("application") Application application,
      BindingResult errors,
      @RequestParam(required = false) String submissionToken,
      @RequestParam(name = "idCopyFile", required = false) MultipartFile idCopy,
      @RequestParam(required = false) String challengeToken,
      @RequestParam(required = false) String challengeAnswer,
      HttpServletRequest request,
      Model model)
      throws IOException {
    String token =
        submissionToken == null || submissionToken.isBlank()
            ? UUID.randomUUID().toString()
            : submissionToken;
    if (errors.hasErrors()) {
      return form(model, application, token);
    }
    try {
      Challenge.Solved solved;
      try {
        solved = challenge.verifyForm(application.getAltcha(), challengeToken, challengeAnswer);
      } catch (Refusal refused) {
        // The question is not a field of the application: say so above the form.
        refused.fieldProblems().forEach(p -> errors.reject(p.messageKey(), p.messageKey()));
        return form(model, application, token);
      }
      throttle.acquire(FoiApi.THROTTLE, request.getRemoteAddr());
      RequestIntake.Upload upload =
          idCopy == null || idCopy.isEmpty()
              ? null
              : new RequestIntake.Upload(
                  idCopy.getOriginalFilename(), idCopy.getContentType(), idCopy.getBytes());
      Acknowledgement ack =
          service.submit(
              application,
              RequestIntake.IdempotencyKey.of("form:/foi/apply", request.getRemoteAddr(), token),
              upload,
              solved);
      // The answer to the post itself, not a redirect with a flash attribute, which would open a
      // session to carry it; sending the form again shows the same acknowledgement (its token is
      // the idempotency key).
      model.addAttribute("ack", ack);
      return "foi/acknowledged";
    } catch (Refusal refusal) {
      Refusals.bind(errors, refusal);
      return form(model, application, token);
    }
  }

  @GetMapping("/acknowledged")
  String acknowledged(Model model) {
    if (!model.containsAttribute("ack")) {
      return "redirect:/foi/status";
    }
    return "foi/acknowledged";
  }

  @GetMapping("/status")
  String statusForm() {
    return "foi/status";
  }

  @PostMapping("/status")
  String status(
      @RequestParam(required = false) String trackingCode,
      @RequestParam(required = false) String secret,
      Model model) {
    model.addAttribute("trackingCode", trackingCode);
    try {
      model.addAttribute("status", queries.status(trackingCode, secret));
      model.addAttribute("secret", secret);
    } catch (Refusal refusal) {
      Refusals.show(model, refusal);
    }
    return "foi/status";
  }

  private String form(Model model, Application application, String token) {
    model.addAttribute("application", application);
    model.addAttribute("submissionToken", token);
    model.addAttribute("question", challenge.issue());
    model.addAttribute("agencies", agencies.all());
    model.addAttribute("applicantTypes", ApplicantType.values());
    model.addAttribute("idTypes", IdType.values());
    model.addAttribute("deliveryChannels", DeliveryChannel.values());
    model.addAttribute("informationForms", InformationForm.values());
    return "foi/apply";
  }
}
