package org.gongkai.agency;

/**
 * An agency of the tree. {@code reportLevel} says when its annual report is due, and {@code
 * reportsForSubtree} whether the report counts the agencies below it as well. {@code
 * fourEyesWaived}: a one-person agency may approve its own work (each such approval says so).
 */
public record Agency(
    long id,
    String code,
    String name,
    Long parentId,
    int sortOrder,
    DisclosureGuide guide,
    ReportLevel reportLevel,
    boolean reportsForSubtree,
    boolean fourEyesWaived) {}
