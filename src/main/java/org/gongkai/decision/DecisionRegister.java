package org.gongkai.decision;

import java.time.LocalDate;
import org.gongkai.account.Staff;

/**
 * Entering decisions from other modules (the demo, integrations): checked, four-eyed and audited as
 * through the console and the API.
 */
public interface DecisionRegister {

  /** Enters a draft; returns its id. */
  long create(DecisionForm form, Staff actor);

  void submit(long id, Staff actor);

  /** A second person approves: not who entered or submitted it. */
  void approve(long id, Staff actor);

  /** Publishes an approved decision today; late when today is past its publish-by date. */
  void publish(long id, Staff actor);

  /**
   * Records a decision that an earlier system published on {@code publishedOn}: entered by {@code
   * editor}, approved and published by {@code reviewer}, late or not by that date. Audited as an
   * import.
   */
  long importPublished(DecisionForm form, LocalDate publishedOn, Staff editor, Staff reviewer);
}
