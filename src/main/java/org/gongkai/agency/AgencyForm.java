package org.gongkai.agency;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** What a platform admin enters for an agency, in the console or through the API. */
public class AgencyForm {

  @NotBlank(message = "{agency.code.required}") private String code;

  @NotBlank(message = "{agency.name.required}") @Size(max = 200, message = "{field.too-long}") private String name;

  private Long parentId;

  @Size(max = 300, message = "{field.too-long}") private String address;

  @Size(max = 300, message = "{field.too-long}") private String officeHours;

  @Size(max = 100, message = "{field.too-long}") private String phone;

  @Size(max = 100, message = "{field.too-long}") private String fax;

  @Email(message = "{field.email}") @Size(max = 200, message = "{field.too-long}") private String email;

  @Size(max = 20, message = "{field.too-long}") private String postcode;

  @Size(max = 20000, message = "{field.too-long}") private String guideText;

  /**
   * Null: a government at the top of the tree, a department below it, until someone says otherwise.
   */
  private ReportLevel reportLevel;

  private Boolean reportsForSubtree;

  public static AgencyForm of(Agency agency) {
    AgencyForm form = new AgencyForm();
    form.code = agency.code();
    form.name = agency.name();
    form.parentId = agency.parentId();
    DisclosureGuide g = agency.guide();
    form.address = g.address();
    form.officeHours = g.officeHours();
    form.phone = g.phone();
    form.fax = g.fax();
    form.email = g.email();
    form.postcode = g.postcode();
    form.guideText = g.text();
    form.reportLevel = agency.reportLevel();
    form.reportsForSubtree = agency.reportsForSubtree();
    return form;
  }

  public DisclosureGuide guide() {
    return new DisclosureGuide(
        blankToNull(address),
        blankToNull(officeHours),
        blankToNull(phone),
        blankToNull(fax),
        blankToNull(email),
        blankToNull(postcode),
        blankToNull(guideText));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public Long getParentId() {
    return parentId;
  }

  public void setParentId(Long parentId) {
    this.parentId = parentId;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
  }

  public String getOfficeHours() {
    return officeHours;
  }

  public void setOfficeHours(String officeHours) {
    this.officeHours = officeHours;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getFax() {
    return fax;
  }

  public void setFax(String fax) {
    this.fax = fax;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getPostcode() {
    return postcode;
  }

  public void setPostcode(String postcode) {
    this.postcode = postcode;
  }

  public String getGuideText() {
    return guideText;
  }

  public void setGuideText(String guideText) {
    this.guideText = guideText;
  }

  public ReportLevel getReportLevel() {
    return reportLevel;
  }

  public void setReportLevel(ReportLevel reportLevel) {
    this.reportLevel = reportLevel;
  }

  public Boolean getReportsForSubtree() {
    return reportsForSubtree;
  }

  public void setReportsForSubtree(Boolean reportsForSubtree) {
    this.reportsForSubtree = reportsForSubtree;
  }
}
