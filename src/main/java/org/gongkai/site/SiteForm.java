package org.gongkai.site;

import java.util.List;

/**
 * A site as an administrator writes it. Agencies by id; hosts in order, the first canonical; absent
 * texts are empty, absent languages Chinese only.
 */
public record SiteForm(
    String name,
    List<String> hosts,
    List<Long> agencyIds,
    String idCode,
    SiteType type,
    String icpFiling,
    String securityFiling,
    String organizer,
    String operator,
    String contact,
    List<String> languages) {}
