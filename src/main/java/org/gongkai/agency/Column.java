package org.gongkai.agency;

public record Column(
    long id,
    long agencyId,
    Long parentId,
    String name,
    ColumnType type,
    String description,
    int sortOrder,
    boolean hidden) {}
