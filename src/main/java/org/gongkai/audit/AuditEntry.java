package org.gongkai.audit;

import java.time.Instant;

public record AuditEntry(
    long id, Instant occurredAt, String actor, String action, String subjectType, String subjectId, String detail) {}
