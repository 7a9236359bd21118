package org.gongkai.interaction.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.interaction.InterviewKind;
import org.gongkai.interaction.LeaderRole;
import org.gongkai.shared.web.PublicPage;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages for online interviews and hotline sessions: published ones on the portal, all of them in
 * the console.
 */
final class InterviewControllers {

  private InterviewControllers() {}

  @Controller
  @PublicPage
  @RequestMapping("/interviews")
  static class Portal {

    private final Interviews interviews;

    Portal(Interviews interviews) {
      this.interviews = interviews;
    }

    @GetMapping
    String list(Model model) {
      model.addAttribute("items", interviews.list(null, true));
      return "interaction/interviews";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
      model.addAttribute("i", interviews.published(id));
      return "interaction/interview";
    }
  }

  @Controller
  @RequestMapping("/console/interviews")
  static class Console {

    private final Interviews interviews;
    private final AgencyDirectory agencies;
    private final StaffAccess access;

    private final Clock clock;

    Console(Interviews interviews, AgencyDirectory agencies, StaffAccess access, Clock clock) {
      this.clock = clock;
      this.interviews = interviews;
      this.agencies = agencies;
      this.access = access;
    }

    @GetMapping
    String list(
        @RequestParam(required = false) String agency,
        @RequestParam(required = false) Integer year,
        Model model) {
      var choice = access.chooseAgency(access.current(), agency);
      List<Agency> mine = choice.agencies();
      Agency selected = choice.selected();
      int shown = year == null ? LocalDate.now(clock).getYear() : year;
      model.addAttribute("agencies", mine);
      model.addAttribute("selected", selected);
      model.addAttribute("year", shown);
      model.addAttribute("items", interviews.list(selected.id(), false));
      model.addAttribute("leaders", interviews.leaders(selected.id()));
      model.addAttribute("participation", interviews.participation(selected.id(), shown));
      model.addAttribute("kinds", InterviewKind.values());
      model.addAttribute("roles", LeaderRole.values());
      return "interaction/console-interviews";
    }

    @PostMapping("/leaders")
    String addLeader(
        @RequestParam String agency,
        @RequestParam(required = false) String name,
        @RequestParam(required = false) String title,
        @RequestParam(required = false) LeaderRole role,
        RedirectAttributes redirect) {
      try {
        interviews.addLeader(agency, name, title, role, access.current());
        redirect.addFlashAttribute("notice", "report.saved");
      } catch (Refusal refusal) {
        Refusals.flash(redirect, refusal);
      }
      return "redirect:/console/interviews?agency=" + agency;
    }

    @PostMapping
    String record(
        @RequestParam String agency,
        @RequestParam(required = false) InterviewKind kind,
        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate heldOn,
        @RequestParam(required = false) String channel,
        @RequestParam(required = false) String topic,
        @RequestParam(required = false) List<Long> leaders,
        @RequestParam(required = false) Integer questionsReceived,
        @RequestParam(required = false) Integer questionsAnswered,
        @RequestParam(required = false) String transcript,
        RedirectAttributes redirect) {
      try {
        long id =
            interviews.record(
                new Interviews.Form(
                    agency,
                    kind,
                    heldOn,
                    channel,
                    topic,
                    leaders,
                    questionsReceived,
                    questionsAnswered,
                    transcript),
                access.current());
        redirect.addFlashAttribute("notice", "report.saved");
        return "redirect:/console/interviews/" + id;
      } catch (Refusal refusal) {
        Refusals.flash(redirect, refusal);
        return "redirect:/console/interviews?agency=" + agency;
      }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
      model.addAttribute("i", interviews.get(id, access.current()));
      model.addAttribute("statuses", Interviews.FollowUpStatus.values());
      return "interaction/console-interview";
    }

    @PostMapping("/{id}/publish")
    String publish(@PathVariable long id, RedirectAttributes redirect) {
      try {
        interviews.publish(id, access.current());
        redirect.addFlashAttribute("notice", "interview.published");
      } catch (Refusal refusal) {
        Refusals.flash(redirect, refusal);
      }
      return "redirect:/console/interviews/" + id;
    }

    @PostMapping("/{id}/follow-ups")
    String followUp(
        @PathVariable long id,
        @RequestParam(required = false) String action,
        @RequestParam(required = false) String owner,
        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
            LocalDate dueOn,
        RedirectAttributes redirect) {
      try {
        interviews.addFollowUp(id, action, owner, dueOn, access.current());
        redirect.addFlashAttribute("notice", "report.saved");
      } catch (Refusal refusal) {
        Refusals.flash(redirect, refusal);
      }
      return "redirect:/console/interviews/" + id;
    }

    @PostMapping("/{id}/follow-ups/{followUp}")
    String followUpStatus(
        @PathVariable long id,
        @PathVariable long followUp,
        @RequestParam(required = false) Interviews.FollowUpStatus status,
        RedirectAttributes redirect) {
      try {
        interviews.setFollowUpStatus(id, followUp, status, access.current());
        redirect.addFlashAttribute("notice", "report.saved");
      } catch (Refusal refusal) {
        Refusals.flash(redirect, refusal);
      }
      return "redirect:/console/interviews/" + id;
    }
  }
}
