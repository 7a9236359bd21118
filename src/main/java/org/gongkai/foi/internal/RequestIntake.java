package org.gongkai.foi.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.audit.AuditTrail;
import org.gongkai.foi.Acknowledgement;
import org.gongkai.foi.Application;
import org.gongkai.foi.DeliveryChannel;
import org.gongkai.foi.IdType;
import org.gongkai.foi.IntakeChannel;
import org.gongkai.foi.RequestState;
import org.gongkai.shared.ids.OrganizationCodes;
import org.gongkai.shared.ids.ResidentIds;
import org.gongkai.shared.ids.TrackingCodes;
import org.gongkai.shared.web.Challenge;
import org.gongkai.shared.web.ClientAddresses;
import org.gongkai.shared.web.IntakeMetrics;
import org.gongkai.shared.web.Refusal;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Intake: an application from the public form or API, or entered by staff from the post, fax or a
 * visit. It is stored before it is acknowledged; the same idempotency key answers with the same
 * request, and a key reused for a different application is refused.
 */
@Service
class RequestIntake {

  private final RequestRepository requests;
  private final RequestLedger ledger;
  private final TrackingCodes codes;
  private final IdCopies idCopies;
  private final ApplicantMail mail;
  private final AgencyDirectory agencies;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;
  private final IntakeMetrics intake;
  private final StepDates dates;
  private final Challenge challenge;

  RequestIntake(
      RequestRepository requests,
      RequestLedger ledger,
      TrackingCodes codes,
      IdCopies idCopies,
      ApplicantMail mail,
      AgencyDirectory agencies,
      StaffAccess access,
      AuditTrail audit,
      TransactionTemplate transactions,
      IntakeMetrics intake,
      StepDates dates,
      Challenge challenge) {
    this.dates = dates;
    this.challenge = challenge;
    this.requests = requests;
    this.ledger = ledger;
    this.codes = codes;
    this.idCopies = idCopies;
    this.mail = mail;
    this.agencies = agencies;
    this.access = access;
    this.audit = audit;
    this.transactions = transactions;
    this.intake = intake;
  }

  /** An uploaded copy of the applicant's identity document. */
  record Upload(String fileName, String contentType, byte[] content) {}

  /**
   * An idempotency key as the client sent it, with the endpoint it came to and the client that sent
   * it (its address, an IPv6 client by its /64). Keys are only unique per endpoint and client: a
   * key another client chose, or one chosen for the other endpoint, neither finds nor blocks this
   * client's request.
   */
  record IdempotencyKey(String endpoint, String client, String value) {

    static IdempotencyKey of(String endpoint, String clientAddress, String value) {
      return new IdempotencyKey(endpoint, ClientAddresses.limitKey(clientAddress), value);
    }

    /** What is stored: a digest of the three, so no client's key is readable in the table. */
    String scoped() {
      String key = value == null || value.isBlank() ? null : value.trim();
      if (key == null) {
        return null;
      }
      if (key.length() > 100) {
        throw Refusal.invalidField("Idempotency-Key", "foi.idempotency-key.too-long");
      }
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256")
                .digest((endpoint + "\n" + client + "\n" + key).getBytes(StandardCharsets.UTF_8));
        return "k1:" + HexFormat.of().formatHex(digest);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Stores a public application and answers only once it is committed. The same idempotency key
   * answers with the same request; reusing a key for a different application is refused.
   */
  Acknowledgement submit(
      Application form, IdempotencyKey idempotencyKey, Upload idCopy, Challenge.Solved solved) {
    return intake(form, idempotencyKey, idCopy, IntakeChannel.ONLINE, null, null, solved);
  }

  Acknowledgement enter(
      Application form, IntakeChannel channel, LocalDate receivedOn, Upload idCopy, Staff actor) {
    Agency agency = agencyOf(form);
    access.requireAgency(actor, agency.id());
    if (receivedOn == null) {
      throw Refusal.invalidField("receivedOn", "foi.received-on.required");
    }
    if (receivedOn.isAfter(ledger.today())) {
      throw Refusal.invalidField("receivedOn", "foi.received-on.future");
    }
    dates.requireUnreported(agency.id(), receivedOn, "receivedOn");
    return intake(form, null, idCopy, channel, receivedOn, actor, null);
  }

  private Acknowledgement intake(
      Application form,
      IdempotencyKey idempotencyKey,
      Upload idCopy,
      IntakeChannel channel,
      LocalDate receivedOn,
      Staff actor,
      Challenge.Solved solved) {
    Agency agency = agencyOf(form);
    String idNumber = checkedApplicant(form);
    String key = idempotencyKey == null ? null : idempotencyKey.scoped();
    String fingerprint = fingerprint(form, idNumber);
    if (key != null) {
      var earlier = requests.findByIdempotencyKey(key);
      if (earlier.isPresent()) {
        return replay(earlier.get(), fingerprint);
      }
    }
    RequestRepository.IdCopy copy = idCopy == null ? null : idCopies.store(idCopy);
    for (int attempt = 0; ; attempt++) {
      String code = codes.newCode("Y");
      try {
        transactions.executeWithoutResult(
            tx -> {
              if (solved != null) {
                // Spent with the request it let in: refused, it can be sent again; stored, never.
                challenge.spend(solved);
              }
              Instant now = ledger.now();
              long id =
                  requests.insert(
                      new RequestRepository.NewRequest(
                          agency.id(),
                          code,
                          key,
                          fingerprint,
                          channel,
                          form,
                          idNumber,
                          copy,
                          RequestState.SUBMITTED,
                          now));
              String who = actor == null ? "public" : actor.username();
              List<RequestEvent> steps = new ArrayList<>();
              // A paper application was handed in or posted when it was received, not when it is
              // typed in.
              LocalDate submittedOn = receivedOn == null ? ledger.today() : receivedOn;
              steps.add(
                  RequestEvent.of(EventKind.SUBMITTED, submittedOn, who, now)
                      .detail(channel.name()));
              if (receivedOn != null) {
                steps.add(RequestEvent.of(EventKind.REGISTERED, receivedOn, who, now));
              }
              ledger.append(id, steps);
              audit.record(who, "foi.submitted", "foi-request", id, code);
              if (receivedOn != null) {
                audit.record(who, "foi.registered", "foi-request", id, receivedOn.toString());
              }
            });
        this.intake.accepted("request");
        Acknowledgement ack = new Acknowledgement(code, codes.secretFor(code));
        mail.acknowledge(form.getEmail(), agency.name(), ack);
        return ack;
      } catch (DuplicateKeyException clash) {
        if (key != null) {
          var earlier = requests.findByIdempotencyKey(key);
          if (earlier.isPresent()) {
            return replay(earlier.get(), fingerprint);
          }
        }
        if (attempt >= 5) {
          throw clash;
        }
      }
    }
  }

  private Acknowledgement replay(RequestRepository.KeyedRequest earlier, String fingerprint) {
    if (!earlier.fingerprint().equals(fingerprint)) {
      throw Refusal.conflict("foi.idempotency-key.reused");
    }
    return new Acknowledgement(earlier.trackingCode(), codes.secretFor(earlier.trackingCode()));
  }

  private Agency agencyOf(Application form) {
    return agencies
        .findByCode(form.getAgency() == null ? "" : form.getAgency().trim())
        .orElseThrow(() -> Refusal.invalidField("agency", "foi.agency.unknown"));
  }

  /**
   * Checks what the annotations cannot: identity numbers, the pairing of type and document, a way
   * to reach the applicant.
   */
  private static String checkedApplicant(Application form) {
    List<Refusal.FieldProblem> problems = new ArrayList<>();
    String idNumber =
        form.getIdNumber() == null ? "" : form.getIdNumber().trim().toUpperCase(Locale.ROOT);
    if (form.getIdType() == IdType.RESIDENT_ID && !ResidentIds.isValid(idNumber)) {
      problems.add(new Refusal.FieldProblem("idNumber", "foi.id-number.resident-invalid"));
    }
    if (form.getIdType() == IdType.USCC) {
      idNumber = OrganizationCodes.normalize(idNumber);
      if (!OrganizationCodes.isValidCreditCode(idNumber)) {
        problems.add(new Refusal.FieldProblem("idNumber", "foi.id-number.uscc-invalid"));
      }
    }
    if (form.getApplicantType() != null && form.getIdType() != null) {
      boolean organization = form.getApplicantType().isOrganization();
      if (organization != (form.getIdType() == IdType.USCC || form.getIdType() == IdType.OTHER)) {
        problems.add(
            new Refusal.FieldProblem(
                "idType", organization ? "foi.id-type.organization" : "foi.id-type.person"));
      }
    }
    boolean anyContact =
        notBlank(form.getPhone()) || notBlank(form.getEmail()) || notBlank(form.getAddress());
    if (!anyContact) {
      problems.add(new Refusal.FieldProblem("phone", "foi.contact.required"));
    }
    if (form.getDeliveryChannel() == DeliveryChannel.EMAIL && !notBlank(form.getEmail())) {
      problems.add(new Refusal.FieldProblem("email", "foi.email.required-for-delivery"));
    }
    if (form.getDeliveryChannel() == DeliveryChannel.POST && !notBlank(form.getAddress())) {
      problems.add(new Refusal.FieldProblem("address", "foi.address.required-for-delivery"));
    }
    if (notBlank(form.getPhone()) && !form.getPhone().trim().matches("[0-9+()\\- ]{5,40}")) {
      problems.add(new Refusal.FieldProblem("phone", "foi.phone.invalid"));
    }
    if (!problems.isEmpty()) {
      throw Refusal.invalid(problems);
    }
    return idNumber;
  }

  private static String fingerprint(Application f, String idNumber) {
    String joined =
        String.join(
            "\u0000",
            f.getAgency(),
            String.valueOf(f.getApplicantType()),
            f.getName(),
            String.valueOf(f.getIdType()),
            idNumber,
            nz(f.getPhone()),
            nz(f.getEmail()),
            nz(f.getAddress()),
            nz(f.getTitle()),
            nz(f.getDocNumber()),
            f.getDescription(),
            nz(f.getPurpose()),
            String.valueOf(f.getInformationForm()),
            String.valueOf(f.getDeliveryChannel()));
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(joined.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  private static String nz(String s) {
    return s == null ? "" : s.strip();
  }
}
