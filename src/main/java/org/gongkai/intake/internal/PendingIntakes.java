package org.gongkai.intake.internal;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.gongkai.intake.SplitAttachment;
import org.springframework.stereotype.Component;

/**
 * Recognitions waiting for the editor to save them as a draft: the file's name, how sure each field
 * was and the attachments split out, kept in the editor's session (shared by the nodes when
 * sessions live in the database) under a random id, a few at a time. Nothing is stored before the
 * draft is saved, so an upload the editor abandons leaves no record behind.
 */
@Component
class PendingIntakes {

  private static final String KEY = PendingIntakes.class.getName();
  private static final int KEPT = 5;

  /** What the console needs to show the marks again and to attach the files. */
  record Pending(
      String fileName,
      Map<String, IntakeView.Mark> marks,
      Map<String, String> recognised,
      List<SplitAttachment> files)
      implements Serializable {}

  String keep(HttpSession session, Pending pending) {
    Map<String, Pending> all = all(session);
    while (all.size() >= KEPT) {
      all.remove(all.keySet().iterator().next());
    }
    String id = UUID.randomUUID().toString();
    all.put(id, pending);
    session.setAttribute(KEY, all);
    return id;
  }

  Optional<Pending> get(HttpSession session, String id) {
    return id == null ? Optional.empty() : Optional.ofNullable(all(session).get(id));
  }

  void drop(HttpSession session, String id) {
    Map<String, Pending> all = all(session);
    all.remove(id);
    session.setAttribute(KEY, all);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Pending> all(HttpSession session) {
    Object kept = session.getAttribute(KEY);
    return kept instanceof LinkedHashMap<?, ?> map
        ? (LinkedHashMap<String, Pending>) map
        : new LinkedHashMap<>();
  }
}
