package org.gongkai.foi.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.foi.ApplicantType;
import org.gongkai.foi.Deadline;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.IdType;
import org.gongkai.foi.InformationForm;
import org.gongkai.foi.IntakeChannel;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestState;

/** What the console, the staff API and the public status page show of a request. */
final class Views {

  private Views() {}

  /** The applicant as the viewer may see them: in full for the assignee, masked for everyone else. */
  record Applicant(ApplicantType type, String name, IdType idType, String idNumber, String phone, String email,
      String address, boolean masked) {}

  record HistoryEntry(String kind, LocalDate effectiveOn, LocalDate untilOn, Integer days, String detail, String actor,
      Instant recordedAt) {}

  record Fee(String method, BigDecimal amount) {}

  record RequestView(long id, String trackingCode, String agency, String agencyName, RequestState state,
      IntakeChannel intakeChannel, Applicant applicant, String title, String docNumber, String description,
      String purpose, InformationForm informationForm, DeliveryChannel deliveryChannel, boolean idCopy,
      Instant submittedAt, LocalDate receivedOn, LocalDate dueOn, Integer workingDaysLeft, Deadline deadline,
      Long assigneeId, String assigneeName, Outcome outcome, LocalDate concludedOn, String letter,
      LocalDate deliveredOn, DeliveryChannel deliveryMethod, Fee fee, List<HistoryEntry> history) {

    public boolean overdue() {
      return workingDaysLeft != null && workingDaysLeft < 0;
    }
  }

  record Summary(long id, String trackingCode, String agencyName, RequestState state, String applicantName,
      String description, LocalDate receivedOn, LocalDate dueOn, Integer workingDaysLeft, String assigneeName,
      Outcome outcome) {}

  /** The applicant's view: no personal data, no staff names, the reply once sent. */
  record PublicStatus(String trackingCode, String agency, String agencyName, RequestState state, Instant submittedAt,
      LocalDate receivedOn, LocalDate dueOn, Deadline deadline, Outcome outcome, LocalDate repliedOn, String reply,
      LocalDate deliveredOn, List<PublicStep> history) {}

  record PublicStep(String kind, LocalDate on, LocalDate until) {}
}
