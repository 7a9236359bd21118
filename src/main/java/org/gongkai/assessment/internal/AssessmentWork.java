package org.gongkai.assessment.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.account.WorkQueue;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.assessment.internal.AssessmentRepository.State;
import org.springframework.stereotype.Component;

/**
 * The office's objections to answer; for an agency's reviewers, a draft result they may still
 * object to, with the deadline.
 */
@Component
class AssessmentWork implements WorkQueue {

  private static final String LIST = "/console/assessments";

  private final AssessmentRepository assessments;
  private final Assessments service;
  private final AgencyDirectory agencies;
  private final StaffAccess access;

  AssessmentWork(
      AssessmentRepository assessments,
      Assessments service,
      AgencyDirectory agencies,
      StaffAccess access) {
    this.assessments = assessments;
    this.service = service;
    this.agencies = agencies;
    this.access = access;
  }

  @Override
  public Section section() {
    return Section.SUPERVISION;
  }

  @Override
  public List<Work> open(Staff staff, int limit) {
    List<AssessmentRepository.Assessment> open =
        assessments.all().stream().filter(a -> a.state() == State.REVIEW).toList();
    if (staff.isPlatformAdmin()) {
      List<Item> items = new ArrayList<>();
      for (AssessmentRepository.Assessment a : open) {
        for (AssessmentRepository.Objection o : assessments.objections(a.year())) {
          if (o.open()) {
            String agency = agencies.find(o.agencyId()).map(Agency::name).orElse("");
            items.add(
                new Item(
                    a.year()
                        + " · "
                        + agency
                        + (o.indicatorCode() == null ? "" : " · " + o.indicatorCode()),
                    LIST + "/" + a.year() + "#objections",
                    null,
                    null));
          }
        }
      }
      return List.of(
          new Work(
              "todo.assessment-objections",
              items.size(),
              items.subList(0, Math.min(limit, items.size())),
              LIST));
    }
    if (!staff.role().reviews()) {
      return List.of(Work.none("todo.assessment-review", LIST));
    }
    Set<Long> scope = access.agencyScope(staff);
    List<Item> items = new ArrayList<>();
    for (AssessmentRepository.Assessment a : open) {
      if (service.today().isAfter(a.objectionsUntil())) {
        continue;
      }
      for (Agency agency : service.assessed(a)) {
        if (scope.contains(agency.id())) {
          items.add(
              new Item(
                  a.year() + " · " + agency.name(),
                  LIST + "/" + a.year() + "/agencies/" + agency.code(),
                  a.objectionsUntil(),
                  null));
        }
      }
    }
    return List.of(
        new Work(
            "todo.assessment-review",
            items.size(),
            items.subList(0, Math.min(limit, items.size())),
            LIST));
  }
}
