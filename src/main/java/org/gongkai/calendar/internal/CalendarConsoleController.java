package org.gongkai.calendar.internal;

import java.time.Clock;
import java.time.LocalDate;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.calendar.CalendarDay;
import org.gongkai.calendar.DayKind;
import org.gongkai.calendar.WorkingCalendar;
import org.gongkai.shared.web.Refusal;
import org.gongkai.shared.web.Refusals;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The platform admin keeps the holiday calendar: one year on screen, days added and removed. */
@Controller
@RequestMapping("/console/calendar")
class CalendarConsoleController {

  private final WorkingCalendar calendar;
  private final StaffAccess access;
  private final Clock clock;

  CalendarConsoleController(WorkingCalendar calendar, StaffAccess access, Clock clock) {
    this.calendar = calendar;
    this.access = access;
    this.clock = clock;
  }

  @GetMapping
  String show(@RequestParam(required = false) Integer year, Model model) {
    Staff me = access.current();
    access.requirePlatformAdmin(me);
    int thisYear = LocalDate.now(clock).getYear();
    int shown = year == null ? thisYear : Math.max(1990, Math.min(2200, year));
    model.addAttribute("year", calendar.current().year(shown));
    model.addAttribute("missing", calendar.missingYears(thisYear, thisYear + 1));
    model.addAttribute("kinds", DayKind.values());
    return "calendar/console";
  }

  @PostMapping("/days")
  String set(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) DayKind kind,
      @RequestParam(required = false) String name,
      RedirectAttributes redirect) {
    try {
      calendar.setDay(new CalendarDay(date, kind, name), access.current());
      redirect.addFlashAttribute("notice", "calendar.saved");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/calendar" + (date == null ? "" : "?year=" + date.getYear());
  }

  @PostMapping("/days/remove")
  String remove(
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      RedirectAttributes redirect) {
    try {
      calendar.removeDay(date, access.current());
      redirect.addFlashAttribute("notice", "calendar.removed");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/calendar?year=" + date.getYear();
  }

  @PostMapping("/years")
  String announce(@RequestParam int year, RedirectAttributes redirect) {
    try {
      calendar.markAnnounced(year, access.current());
      redirect.addFlashAttribute("notice", "calendar.saved");
    } catch (Refusal refusal) {
      Refusals.flash(redirect, refusal);
    }
    return "redirect:/console/calendar?year=" + year;
  }
}
