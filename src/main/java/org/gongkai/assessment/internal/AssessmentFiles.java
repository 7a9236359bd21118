package org.gongkai.assessment.internal;

import org.gongkai.shared.storage.FileReferences;
import org.springframework.stereotype.Component;

/** The files assessors attach as evidence: the sweep keeps those an entry names. */
@Component
class AssessmentFiles implements FileReferences {

  private final AssessmentRepository assessments;

  AssessmentFiles(AssessmentRepository assessments) {
    this.assessments = assessments;
  }

  @Override
  public String area() {
    return AssessmentEntries.FILES;
  }

  @Override
  public boolean isReferenced(String sha256) {
    return assessments.fileReferenced(sha256);
  }
}
