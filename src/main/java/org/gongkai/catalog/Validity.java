package org.gongkai.catalog;

/** 有效性: in force, expired, or repealed. */
public enum Validity {
  VALID,
  EXPIRED,
  REPEALED
}
