package org.gongkai.power;

/**
 * The ten power types of the glossary; the message key {@code power.type.NAME} holds the Chinese
 * name.
 */
public enum PowerType {
  LICENSING,
  PENALTY,
  COERCION,
  LEVY,
  BENEFIT,
  INSPECTION,
  CONFIRMATION,
  AWARD,
  ADJUDICATION,
  OTHER
}
