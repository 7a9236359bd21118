package org.gongkai.foi.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.gongkai.foi.ApplicantType;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.IdType;
import org.gongkai.foi.InformationForm;
import org.gongkai.foi.IntakeChannel;
import org.gongkai.foi.Outcome;
import org.gongkai.foi.RequestState;

/**
 * A stored request, personal data included: it never leaves the module unmasked except to its
 * assignee.
 */
record RequestRow(
    long id,
    long agencyId,
    String trackingCode,
    IntakeChannel intakeChannel,
    ApplicantType applicantType,
    String applicantName,
    IdType idType,
    String idNumber,
    String phone,
    String email,
    String address,
    String infoTitle,
    String infoDocNumber,
    String description,
    String purpose,
    InformationForm informationForm,
    DeliveryChannel deliveryChannel,
    String idCopyName,
    String idCopyType,
    String idCopySha256,
    RequestState state,
    Instant submittedAt,
    LocalDate receivedOn,
    LocalDate dueOn,
    Long assigneeId,
    Outcome outcome,
    LocalDate concludedOn,
    String replyDetail,
    LocalDate deliveredOn,
    DeliveryChannel deliveryMethod,
    String feeMethod,
    BigDecimal feeAmount) {}
