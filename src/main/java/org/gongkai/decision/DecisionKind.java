package org.gongkai.decision;

/**
 * The three kinds of decision the register holds (glossary: 行政许可 / 行政处罚 / 行政强制); the message key
 * {@code decision.kind.NAME} holds the Chinese name.
 */
public enum DecisionKind {
  LICENSING,
  PENALTY,
  COERCION
}
