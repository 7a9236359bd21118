package org.gongkai.subscription.internal;

/**
 * What a reader asks for: an address and one of an agency (code), a column (id), a topic or a saved
 * search ({@code query}, narrowed by the agency, the column and the subject when given), with a
 * frequency ({@code IMMEDIATE} or {@code DAILY}). {@code altcha} carries the solved challenge of an
 * API call.
 */
record SubscribeForm(
    String email,
    String agency,
    Long column,
    String topic,
    String query,
    String subject,
    String frequency,
    String altcha) {}
