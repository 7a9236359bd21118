package org.gongkai.account.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * What a script sends besides user name and password: the second factor's current code in the
 * {@value #HEADER} header, for accounts that have one.
 */
final class ApiCredentials extends WebAuthenticationDetails {

  static final String HEADER = "X-OTP";

  private final String oneTimeCode;

  ApiCredentials(HttpServletRequest request) {
    super(request);
    this.oneTimeCode = request.getHeader(HEADER);
  }

  String oneTimeCode() {
    return oneTimeCode;
  }
}
