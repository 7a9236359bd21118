package org.gongkai.catalog;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The catalog metadata an editor enters, from the console form or as JSON. {@code agency} is the
 * agency code and {@code column} the column id.
 */
public class DocumentForm {

  @NotBlank(message = "{document.agency.required}") private String agency;

  @NotNull(message = "{document.column.required}") private Long column;

  @NotBlank(message = "{document.title.required}") @Size(max = 300, message = "{field.too-long}") private String title;

  @Size(max = 100, message = "{field.too-long}") private String docNumber;

  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate issuedOn;

  @Size(max = 100, message = "{field.too-long}") private String topic;

  @Size(max = 100, message = "{field.too-long}") private String genre;

  @Size(max = 300, message = "{field.too-long}") private String keywords;

  private Validity validity = Validity.VALID;

  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate effectiveOn;

  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
  private LocalDate repealedOn;

  private DisclosureMode disclosureMode = DisclosureMode.PROACTIVE;

  private DocumentKind kind = DocumentKind.GENERAL;

  @Size(max = 200, message = "{field.too-long}") private String source;

  @Size(max = 2000, message = "{field.too-long}") private String summary;

  @NotBlank(message = "{document.body.required}") @Size(max = 2_000_000, message = "{field.too-long}") private String body;

  @Size(max = 1000, message = "{field.too-long}") private String changeNote;

  private List<Long> interpretationOf = new ArrayList<>();

  /** The edition's lock version the editor started from; a stale one is refused. */
  private Integer lockVersion;

  public static DocumentForm of(Edition e, String agencyCode, List<Long> interpretationOf) {
    DocumentForm f = new DocumentForm();
    f.agency = agencyCode;
    f.column = e.columnId();
    f.title = e.title();
    f.docNumber = e.docNumber();
    f.issuedOn = e.issuedOn();
    f.topic = e.topic();
    f.genre = e.genre();
    f.keywords = e.keywords();
    f.validity = e.validity();
    f.effectiveOn = e.effectiveOn();
    f.repealedOn = e.repealedOn();
    f.disclosureMode = e.disclosureMode();
    f.kind = e.kind();
    f.source = e.source();
    f.summary = e.summary();
    f.body = e.bodyHtml();
    f.changeNote = e.changeNote();
    f.interpretationOf = new ArrayList<>(interpretationOf);
    f.lockVersion = e.lockVersion();
    return f;
  }

  public String getAgency() {
    return agency;
  }

  public void setAgency(String agency) {
    this.agency = agency;
  }

  public Long getColumn() {
    return column;
  }

  public void setColumn(Long column) {
    this.column = column;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDocNumber() {
    return docNumber;
  }

  public void setDocNumber(String docNumber) {
    this.docNumber = docNumber;
  }

  public LocalDate getIssuedOn() {
    return issuedOn;
  }

  public void setIssuedOn(LocalDate issuedOn) {
    this.issuedOn = issuedOn;
  }

  public String getTopic() {
    return topic;
  }

  public void setTopic(String topic) {
    this.topic = topic;
  }

  public String getGenre() {
    return genre;
  }

  public void setGenre(String genre) {
    this.genre = genre;
  }

  public String getKeywords() {
    return keywords;
  }

  public void setKeywords(String keywords) {
    this.keywords = keywords;
  }

  public Validity getValidity() {
    return validity;
  }

  public void setValidity(Validity validity) {
    this.validity = validity;
  }

  public LocalDate getEffectiveOn() {
    return effectiveOn;
  }

  public void setEffectiveOn(LocalDate effectiveOn) {
    this.effectiveOn = effectiveOn;
  }

  public LocalDate getRepealedOn() {
    return repealedOn;
  }

  public void setRepealedOn(LocalDate repealedOn) {
    this.repealedOn = repealedOn;
  }

  public DisclosureMode getDisclosureMode() {
    return disclosureMode;
  }

  public void setDisclosureMode(DisclosureMode disclosureMode) {
    this.disclosureMode = disclosureMode;
  }

  public DocumentKind getKind() {
    return kind;
  }

  public void setKind(DocumentKind kind) {
    this.kind = kind;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getChangeNote() {
    return changeNote;
  }

  public void setChangeNote(String changeNote) {
    this.changeNote = changeNote;
  }

  public List<Long> getInterpretationOf() {
    return interpretationOf;
  }

  public void setInterpretationOf(List<Long> interpretationOf) {
    this.interpretationOf = interpretationOf == null ? new ArrayList<>() : interpretationOf;
  }

  public Integer getLockVersion() {
    return lockVersion;
  }

  public void setLockVersion(Integer lockVersion) {
    this.lockVersion = lockVersion;
  }
}
