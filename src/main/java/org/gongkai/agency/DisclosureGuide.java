package org.gongkai.agency;

/** The contact part of an agency's 政府信息公开指南, shown on each of its portal pages. */
public record DisclosureGuide(
    String address,
    String officeHours,
    String phone,
    String fax,
    String email,
    String postcode,
    String text) {

  public static DisclosureGuide empty() {
    return new DisclosureGuide(null, null, null, null, null, null, null);
  }
}
