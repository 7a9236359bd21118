package org.gongkai.foi.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.gongkai.agency.AgencyDirectory;
import org.springframework.stereotype.Component;

/**
 * Renders a letter from the agency's template and records it as sent, in the step's transaction.
 */
@Component
class LetterIssuer {

  private final Letters letters;
  private final LetterRepository records;
  private final AgencyDirectory agencies;

  LetterIssuer(Letters letters, LetterRepository records, AgencyDirectory agencies) {
    this.letters = letters;
    this.records = records;
    this.agencies = agencies;
  }

  long issue(
      RequestRow r,
      Letters.Kind kind,
      String recipient,
      Map<String, String> values,
      LocalDate on,
      String actor,
      Instant now) {
    Letters.Letter letter =
        letters.render(kind, r, agencies.get(r.agencyId()), recipient, values, on);
    return records.insert(
        r.id(), kind.kind(), kind.outcome(), recipient, letter.asText(), on, actor, now);
  }
}
