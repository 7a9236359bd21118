package org.gongkai.assessment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.gongkai.account.Staff;
import org.gongkai.assessment.AssessmentDesk;
import org.springframework.stereotype.Service;

@Service
class AssessmentDeskService implements AssessmentDesk {

  private final Assessments assessments;
  private final AssessmentEntries entries;
  private final AssessmentReview review;

  AssessmentDeskService(
      Assessments assessments, AssessmentEntries entries, AssessmentReview review) {
    this.assessments = assessments;
    this.entries = entries;
    this.review = review;
  }

  @Override
  public void open(int year, String officeAgencyCode, Staff actor) {
    assessments.create(year, officeAgencyCode, actor);
  }

  @Override
  public void enter(
      int year,
      String agencyCode,
      String indicatorCode,
      BigDecimal points,
      String reason,
      Staff actor) {
    entries.enter(year, agencyCode, indicatorCode, points, reason, null, null, actor);
  }

  @Override
  public void release(int year, LocalDate objectionsUntil, Staff actor) {
    review.release(year, objectionsUntil, actor);
  }

  @Override
  public long object(int year, String agencyCode, String indicatorCode, String text, Staff actor) {
    return review.object(year, agencyCode, indicatorCode, text, actor);
  }
}
