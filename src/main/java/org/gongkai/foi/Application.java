package org.gongkai.foi;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an applicant fills in (Art. 29): who they are and how to reach them, what information they
 * want, in what form and by what channel. Bound from the portal form and from the JSON API.
 */
public class Application {

  @NotBlank(message = "{foi.agency.required}") private String agency;

  @NotNull(message = "{foi.applicant-type.required}") private ApplicantType applicantType;

  @NotBlank(message = "{foi.name.required}") @Size(max = 200, message = "{field.too-long}") private String name;

  @NotNull(message = "{foi.id-type.required}") private IdType idType;

  @NotBlank(message = "{foi.id-number.required}") @Size(max = 60, message = "{field.too-long}") private String idNumber;

  @Size(max = 40, message = "{field.too-long}") private String phone;

  @Email(message = "{foi.email.invalid}") @Size(max = 200, message = "{field.too-long}") private String email;

  @Size(max = 300, message = "{field.too-long}") private String address;

  @Size(max = 300, message = "{field.too-long}") private String title;

  @Size(max = 100, message = "{field.too-long}") private String docNumber;

  @NotBlank(message = "{foi.description.required}") @Size(max = 4000, message = "{field.too-long}") private String description;

  @Size(max = 1000, message = "{field.too-long}") private String purpose;

  private InformationForm informationForm = InformationForm.ELECTRONIC;

  @NotNull(message = "{foi.delivery.required}") private DeliveryChannel deliveryChannel;

  /** The solved proof of work from {@code GET /api/v1/challenge} (public submissions only). */
  @Size(max = 2000, message = "{field.too-long}") private String altcha;

  public String getAltcha() {
    return altcha;
  }

  public void setAltcha(String altcha) {
    this.altcha = altcha;
  }

  public String getAgency() {
    return agency;
  }

  public void setAgency(String agency) {
    this.agency = agency;
  }

  public ApplicantType getApplicantType() {
    return applicantType;
  }

  public void setApplicantType(ApplicantType applicantType) {
    this.applicantType = applicantType;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public IdType getIdType() {
    return idType;
  }

  public void setIdType(IdType idType) {
    this.idType = idType;
  }

  public String getIdNumber() {
    return idNumber;
  }

  public void setIdNumber(String idNumber) {
    this.idNumber = idNumber;
  }

  public String getPhone() {
    return phone;
  }

  public void setPhone(String phone) {
    this.phone = phone;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getAddress() {
    return address;
  }

  public void setAddress(String address) {
    this.address = address;
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

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public String getPurpose() {
    return purpose;
  }

  public void setPurpose(String purpose) {
    this.purpose = purpose;
  }

  public InformationForm getInformationForm() {
    return informationForm;
  }

  public void setInformationForm(InformationForm informationForm) {
    this.informationForm = informationForm == null ? InformationForm.ELECTRONIC : informationForm;
  }

  public DeliveryChannel getDeliveryChannel() {
    return deliveryChannel;
  }

  public void setDeliveryChannel(DeliveryChannel deliveryChannel) {
    this.deliveryChannel = deliveryChannel;
  }
}
