package org.gongkai.audit.internal;

import java.time.Instant;

/**
 * The outcome of walking the audit chain: intact, or the first record that does not fit and why (a
 * message key). {@code sealed} counts the records checked, {@code unsealed} those committed too
 * recently to be in the chain yet.
 */
record ChainVerification(
    boolean intact,
    String problem,
    Long brokenRecord,
    long sealed,
    long unsealed,
    String head,
    Instant checkedAt) {}
