package org.gongkai.account.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a personal access token may reach: {@code area:read} (GET and HEAD) or {@code area:write}
 * (every method; write includes read) on the staff API paths of that area. A route outside every
 * area of a token answers 403; accounts, backups and tokens themselves are in no area, so no token
 * reaches them. A new area (decisions, say) is one line in {@link #AREAS}.
 */
final class ApiScopes {

  /** Each area and the staff API path prefixes it covers. */
  static final Map<String, List<String>> AREAS = new LinkedHashMap<>();

  static {
    AREAS.put(
        "documents",
        List.of(
            "/api/v1/admin/documents",
            "/api/v1/admin/exports",
            "/api/v1/admin/offers",
            "/api/v1/admin/intake"));
    AREAS.put("foi", List.of("/api/v1/admin/foi"));
    AREAS.put("reports", List.of("/api/v1/admin/reports", "/api/v1/admin/assessments"));
    AREAS.put("consultations", List.of("/api/v1/admin/consultations"));
    AREAS.put("mailbox", List.of("/api/v1/admin/mailbox"));
    AREAS.put("powers", List.of("/api/v1/admin/powers"));
    AREAS.put("decisions", List.of("/api/v1/admin/decisions"));
    AREAS.put("monitor", List.of("/api/v1/admin/monitor"));
    AREAS.put("webhooks", List.of("/api/v1/admin/webhooks"));
    AREAS.put("topics", List.of("/api/v1/admin/topics"));
  }

  private ApiScopes() {}

  /** Every scope a token can be given, in a stable order. */
  static List<String> all() {
    return AREAS.keySet().stream()
        .flatMap(a -> List.of(a + ":read", a + ":write").stream())
        .toList();
  }

  /** The scopes as asked, checked and normalised; empty when one is unknown. */
  static Set<String> parse(List<String> asked) {
    Set<String> scopes = new TreeSet<>();
    for (String scope : asked == null ? List.<String>of() : asked) {
      String s = scope == null ? "" : scope.strip();
      if (!all().contains(s)) {
        return Set.of();
      }
      scopes.add(s);
    }
    return scopes;
  }

  /** Whether a token with these scopes may make this call. */
  static boolean allows(Set<String> scopes, String method, String path) {
    boolean read = "GET".equals(method) || "HEAD".equals(method);
    for (var area : AREAS.entrySet()) {
      boolean inArea =
          area.getValue().stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
      if (inArea) {
        return scopes.contains(area.getKey() + ":write")
            || (read && scopes.contains(area.getKey() + ":read"));
      }
    }
    return false;
  }
}
