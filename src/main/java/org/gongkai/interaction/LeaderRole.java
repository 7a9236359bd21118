package org.gongkai.interaction;

/** A leader's place in the agency: its head (主要负责人) or a deputy. */
public enum LeaderRole {
  HEAD,
  DEPUTY
}
