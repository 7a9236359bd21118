package org.gongkai.power.internal;

/**
 * The ten power types of the glossary; the message key {@code power.type.NAME} holds the Chinese
 * name.
 */
enum PowerType {
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
