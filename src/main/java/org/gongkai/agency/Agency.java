package org.gongkai.agency;

public record Agency(long id, String code, String name, Long parentId, int sortOrder, DisclosureGuide guide) {}
