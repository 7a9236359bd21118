package org.gongkai.screening.internal;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.audit.AuditTrail;
import org.gongkai.screening.Finding;
import org.gongkai.screening.Ground;
import org.gongkai.screening.PersonalDataScanner;
import org.gongkai.screening.RedactionWorks;
import org.gongkai.screening.Redactions;
import org.gongkai.shared.privacy.PersonalDataCipher;
import org.gongkai.shared.storage.FileReferences;
import org.gongkai.shared.storage.FileTypes;
import org.gongkai.shared.storage.StoredFiles;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Redaction in the console: a file is uploaded once and kept sealed for staff; its pages are shown
 * as pictures to draw boxes on; each redaction made of it replaces the last one, also sealed. The
 * original never leaves staff's hands, and every look at it is audited.
 */
@Service
class RedactionWorkService implements RedactionWorks, FileReferences {

  static final String AREA = "redaction-work";
  static final long MAX_BYTES = 50L * 1024 * 1024;
  private static final String PURPOSE = "redaction-work";

  private final RedactionWorkRepository works;
  private final Redactions redactions;
  private final PersonalDataScanner scanner;
  private final StoredFiles files;
  private final PersonalDataCipher cipher;
  private final StaffAccess access;
  private final AuditTrail audit;
  private final JsonMapper json;
  private final Clock clock;

  RedactionWorkService(
      RedactionWorkRepository works,
      Redactions redactions,
      PersonalDataScanner scanner,
      StoredFiles files,
      PersonalDataCipher cipher,
      StaffAccess access,
      AuditTrail audit,
      JsonMapper json,
      Clock clock) {
    this.works = works;
    this.redactions = redactions;
    this.scanner = scanner;
    this.files = files;
    this.cipher = cipher;
    this.access = access;
    this.audit = audit;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String area() {
    return AREA;
  }

  @Override
  public boolean isReferenced(String sha256) {
    return works.references(sha256);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Work> forReference(String reference) {
    return works.forReference(reference);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Work> find(long id) {
    return works.find(id);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<byte[]> redactedFile(long id) {
    return works.redactedSha256(id).flatMap(this::open);
  }

  /** Keeps an uploaded PDF or DOCX sealed as the start of a work; audited. */
  @Transactional
  Work start(Staff actor, long agencyId, String reference, String fileName, byte[] content) {
    access.requireAgency(actor, agencyId);
    StoredFiles.StoredFile stored =
        files.store(
            AREA,
            fileName,
            new ByteArrayInputStream(content),
            StoredFiles.Limits.of(
                    MAX_BYTES,
                    Set.of(FileTypes.Type.PDF, FileTypes.Type.DOCX),
                    () -> Refusal.invalidField("file", "redaction.pdf-only"))
                .sealedWith(bytes -> cipher.sealFile(PURPOSE, bytes)));
    long id =
        works.insert(
            agencyId,
            reference == null || reference.isBlank() ? null : reference.strip(),
            stored.name(),
            stored.contentType(),
            stored.sha256(),
            actor.username(),
            clock.instant());
    audit.record(actor.username(), "redaction.uploaded", "redaction-work", id, stored.name());
    return works.find(id).orElseThrow();
  }

  /** The work, for someone who may work on its agency's records. */
  @Transactional(readOnly = true)
  Work work(long id, Staff actor) {
    Work work = works.find(id).orElseThrow(() -> Refusal.notFound("redaction.work.not-found"));
    access.requireAgency(actor, work.agencyId());
    return work;
  }

  boolean isPdf(Work work) {
    return FileTypes.Type.PDF.mediaType().equals(work.contentType());
  }

  /** The original as uploaded: it holds what was to be withheld, so each look is audited. */
  @Transactional
  byte[] original(long id, Staff actor) {
    Work work = work(id, actor);
    audit.record(
        actor.username(), "redaction.original-viewed", "redaction-work", id, work.fileName());
    return originalBytes(id);
  }

  /**
   * What the work's page shows of the original (its pages' sizes and the scanner's findings, the
   * boxes {@code auto} would draw), read and decrypted once.
   */
  record Sheet(
      Work work,
      boolean pdf,
      List<OriginalPages.PageSize> pages,
      List<Finding> findings,
      List<Redactions.Box> lastBoxes) {}

  Sheet sheet(long id, Staff actor) {
    Work work = work(id, actor);
    byte[] original = originalBytes(id);
    boolean pdf = isPdf(work);
    List<Finding> findings =
        scanner.scanFile(work.fileName(), original, List.of()).stream()
            .filter(Finding::blocking)
            .toList();
    List<Redactions.Box> lastBoxes = works.boxes(id).map(this::boxes).orElse(List.of());
    return new Sheet(
        work, pdf, pdf ? OriginalPages.sizes(original) : List.of(), findings, lastBoxes);
  }

  List<OriginalPages.PageSize> pages(long id, Staff actor) {
    Work work = work(id, actor);
    return isPdf(work) ? OriginalPages.sizes(originalBytes(id)) : List.of();
  }

  /**
   * A page of the original as a PNG picture, to draw boxes on: it shows what is to be withheld, so
   * each picture handed out is audited as a look at the original is.
   */
  @Transactional
  byte[] pageImage(long id, int page, Staff actor) {
    Work work = work(id, actor);
    if (!isPdf(work)) {
      throw Refusal.notFound("redaction.work.not-found");
    }
    byte[] picture =
        OriginalPages.picture(originalBytes(id), page)
            .orElseThrow(() -> Refusal.notFound("redaction.work.not-found"));
    audit.record(
        actor.username(),
        "redaction.page-viewed",
        "redaction-work",
        id,
        work.fileName() + " p. " + page);
    return picture;
  }

  /**
   * Redacts the original with the boxes (a PDF's) or texts (a DOCX's) given and, with {@code auto},
   * every finding; the result is kept sealed in place of an earlier one. Audited with the grounds.
   */
  @Transactional
  Work redact(
      long id,
      List<Redactions.Box> boxes,
      List<String> texts,
      boolean auto,
      Ground ground,
      Staff actor) {
    Work work = work(id, actor);
    if (boxes.isEmpty() && texts.isEmpty() && !auto) {
      throw Refusal.invalidField("boxes", "redaction.nothing");
    }
    byte[] original = originalBytes(id);
    Redactions.Redacted redacted;
    try {
      redacted =
          isPdf(work)
              ? redactions.redactPdf(original, boxes, auto, ground, List.of())
              : redactions.redactDocx(original, texts, auto, ground, List.of());
    } catch (Redactions.NoTextLayer e) {
      throw Refusal.invalidField("auto", "redaction.no-text-layer");
    } catch (Redactions.RedactionFailed e) {
      throw Refusal.conflict("redaction.failed");
    } catch (UncheckedIOException e) {
      throw Refusal.invalidField("file", "redaction.unreadable");
    }
    StoredFiles.StoredFile stored =
        files.store(
            AREA,
            work.redactedName(),
            new ByteArrayInputStream(redacted.file()),
            StoredFiles.Limits.of(
                    Long.MAX_VALUE,
                    Set.of(FileTypes.Type.PDF, FileTypes.Type.DOCX),
                    () -> Refusal.conflict("redaction.failed"))
                .sealedWith(bytes -> cipher.sealFile(PURPOSE, bytes)));
    Collection<Ground> grounds = grounds(redacted, texts, auto, ground);
    works.recordRedaction(
        id,
        stored.sha256(),
        redacted.file().length,
        json.writeValueAsString(redacted.boxes()),
        redacted.boxes().size(),
        grounds,
        redacted.findings().size(),
        actor.username(),
        clock.instant());
    audit.record(
        actor.username(),
        "redaction.made",
        "redaction-work",
        id,
        redacted.boxes().size()
            + " box(es), "
            + redacted.findings().size()
            + " finding(s), grounds "
            + grounds);
    return works.find(id).orElseThrow();
  }

  /** The redacted file for staff of the work's agency. */
  byte[] redacted(long id, Staff actor) {
    work(id, actor);
    return redactedFile(id).orElseThrow(() -> Refusal.notFound("redaction.work.not-redacted"));
  }

  private static Collection<Ground> grounds(
      Redactions.Redacted redacted, List<String> texts, boolean auto, Ground ground) {
    Set<Ground> grounds = new LinkedHashSet<>();
    redacted.boxes().stream()
        .map(Redactions.Box::ground)
        .filter(g -> g != null)
        .forEach(grounds::add);
    for (Finding finding : redacted.findings()) {
      grounds.add(ground != null ? ground : Ground.forKind(finding.kind()));
    }
    if (ground != null && !texts.isEmpty()) {
      grounds.add(ground);
    }
    return grounds;
  }

  /** The boxes a redaction kept; none, if what was kept cannot be read, so the page still opens. */
  private List<Redactions.Box> boxes(String kept) {
    try {
      return json.readValue(kept, new TypeReference<List<Redactions.Box>>() {});
    } catch (JacksonException e) {
      return List.of();
    }
  }

  private byte[] originalBytes(long id) {
    return works
        .originalSha256(id)
        .flatMap(this::open)
        .orElseThrow(() -> Refusal.gone("redaction.work.missing"));
  }

  private Optional<byte[]> open(String sha256) {
    return files.read(AREA, sha256).map(stored -> cipher.openFile(PURPOSE, stored));
  }
}
