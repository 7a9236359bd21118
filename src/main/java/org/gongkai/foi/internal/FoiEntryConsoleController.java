package org.gongkai.foi.internal;

import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.StaffAccess;
import org.gongkai.foi.Acknowledgement;
import org.gongkai.foi.ApplicantType;
import org.gongkai.foi.Application;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.IdType;
import org.gongkai.foi.InformationForm;
import org.gongkai.foi.IntakeChannel;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's entry of an application received by post, in person or by fax. */
@Controller
@RequestMapping("/console/foi")
class FoiEntryConsoleController {

  private final RequestIntake intake;
  private final RequestQueries service;
  private final StaffAccess access;

  FoiEntryConsoleController(RequestIntake intake, RequestQueries service, StaffAccess access) {
    this.intake = intake;
    this.service = service;
    this.access = access;
  }

  @GetMapping("/new")
  String entryForm(Model model) {
    Application application = new Application();
    application.setApplicantType(ApplicantType.NATURAL_PERSON);
    application.setIdType(IdType.RESIDENT_ID);
    application.setDeliveryChannel(DeliveryChannel.POST);
    return entryForm(model, application, IntakeChannel.POST, service.today());
  }

  @PostMapping("/new")
  String enter(
      @Valid @ModelAttribute("application") Application application,
      BindingResult errors,
      @RequestParam(required = false) IntakeChannel channel,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
          LocalDate receivedOn,
      @RequestParam(name = "idCopyFile", required = false) MultipartFile idCopy,
      Model model,
      RedirectAttributes redirect)
      throws IOException {
    IntakeChannel intake = channel == null ? IntakeChannel.POST : channel;
    if (errors.hasErrors()) {
      return entryForm(model, application, intake, receivedOn);
    }
    try {
      RequestIntake.Upload upload =
          idCopy == null || idCopy.isEmpty()
              ? null
              : new RequestIntake.Upload(
                  idCopy.getOriginalFilename(), idCopy.getContentType(), idCopy.getBytes());
      Acknowledgement ack =
          this.intake.enter(application, intake, receivedOn, upload, access.current());
      redirect.addFlashAttribute("ack", ack);
      redirect.addFlashAttribute("notice", "foi.entered");
      return "redirect:/console/foi?due=open&q=" + ack.trackingCode();
    } catch (Refusal refusal) {
      Refusals.bind(errors, refusal);
      return entryForm(model, application, intake, receivedOn);
    }
  }

  private String entryForm(
      Model model, Application application, IntakeChannel channel, LocalDate receivedOn) {
    model.addAttribute("application", application);
    model.addAttribute("agencies", access.agenciesInScope(access.current()));
    model.addAttribute("applicantTypes", ApplicantType.values());
    model.addAttribute("idTypes", IdType.values());
    model.addAttribute("deliveryChannels", DeliveryChannel.values());
    model.addAttribute("informationForms", InformationForm.values());
    model.addAttribute(
        "channels", List.of(IntakeChannel.POST, IntakeChannel.IN_PERSON, IntakeChannel.FAX));
    model.addAttribute("channel", channel);
    model.addAttribute("receivedOn", receivedOn);
    return "foi/console-new";
  }
}
