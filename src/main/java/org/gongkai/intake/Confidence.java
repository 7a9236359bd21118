package org.gongkai.intake;

/** How sure a recognised field is: HIGH needs no second look, MEDIUM and LOW do. */
public enum Confidence {
  HIGH,
  MEDIUM,
  LOW;

  public boolean needsConfirming() {
    return this != HIGH;
  }
}
