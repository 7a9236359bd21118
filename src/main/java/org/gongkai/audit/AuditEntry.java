package org.gongkai.audit;

import java.time.Instant;

/**
 * One audit record; {@code address} is where the request that caused it came from, when there was
 * one.
 */
public record AuditEntry(
    long id,
    Instant occurredAt,
    String actor,
    String action,
    String subjectType,
    String subjectId,
    String detail,
    String address) {}
