package org.gongkai.interaction;

/** How leaders met the public: an online interview (在线访谈) or a hotline session (政风行风热线). */
public enum InterviewKind {
  ONLINE_INTERVIEW,
  HOTLINE
}
