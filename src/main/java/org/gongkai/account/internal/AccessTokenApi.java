package org.gongkai.account.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.shared.web.Refusal;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A member of staff's own personal access tokens: made with a login (the console's session, or HTTP
 * Basic with the second factor), never with another token.
 */
@RestController
@RequestMapping("/api/v1/admin/tokens")
class AccessTokenApi {

  private final AccessTokens tokens;
  private final StaffAccess access;

  AccessTokenApi(AccessTokens tokens, StaffAccess access) {
    this.tokens = tokens;
    this.access = access;
  }

  /** A token to make: a name, scopes such as {@code documents:write}, a last day, an agency. */
  record TokenRequest(String name, List<String> scopes, LocalDate expiresOn, String agency) {}

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<AccessTokens.Created> create(@RequestBody TokenRequest request) {
    var created =
        tokens.create(
            loggedIn(), request.name(), request.scopes(), request.expiresOn(), request.agency());
    return ResponseEntity.created(URI.create("/api/v1/admin/tokens/" + created.id())).body(created);
  }

  @GetMapping
  List<AccessTokens.TokenView> list() {
    return tokens.of(loggedIn());
  }

  @DeleteMapping("/{id}")
  ResponseEntity<Void> revoke(@PathVariable long id) {
    tokens.revoke(id, loggedIn());
    return ResponseEntity.noContent().build();
  }

  private Staff loggedIn() {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof AccessTokenFilter.TokenPrincipal) {
      throw Refusal.forbidden("token.not-with-a-token");
    }
    return access.current();
  }
}
