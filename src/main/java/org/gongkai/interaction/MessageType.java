package org.gongkai.interaction;

/** What a letter to the mailbox is (咨询、投诉、建议); each type has its own reply period. */
public enum MessageType {
  QUESTION,
  COMPLAINT,
  SUGGESTION
}
