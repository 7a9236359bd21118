package org.gongkai.catalog;

import java.time.LocalDate;

/** A document linked to another: an interpretation of a policy, or the policy it interprets. */
public record LinkedDocument(long id, String title, String docNumber, LocalDate publishedOn) {}
