package org.gongkai.account;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new account or a change to one. The password is set only when given. */
public class AccountForm {

  @NotBlank(message = "{account.username.required}") @Pattern(regexp = "[A-Za-z0-9._-]{2,60}", message = "{account.username.pattern}") private String username;

  @NotBlank(message = "{account.display-name.required}") @Size(max = 100, message = "{field.too-long}") private String displayName;

  @Email(message = "{account.email.invalid}") @Size(max = 200, message = "{field.too-long}") private String email;

  @NotNull(message = "{account.role.required}") private Role role;

  private Long agencyId;

  @Size(max = 200, message = "{field.too-long}") private String password;

  private boolean enabled = true;

  /** May see applicants' and senders' personal data in full. */
  private boolean personalData;

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = email;
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = displayName;
  }

  public Role getRole() {
    return role;
  }

  public void setRole(Role role) {
    this.role = role;
  }

  public Long getAgencyId() {
    return agencyId;
  }

  public void setAgencyId(Long agencyId) {
    this.agencyId = agencyId;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public void setEnabled(boolean enabled) {
    this.enabled = enabled;
  }

  public boolean isPersonalData() {
    return personalData;
  }

  public void setPersonalData(boolean personalData) {
    this.personalData = personalData;
  }
}
