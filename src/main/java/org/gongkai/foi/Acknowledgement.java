package org.gongkai.foi;

/**
 * What the applicant keeps to follow their request: the tracking code and the secret that opens it.
 */
public record Acknowledgement(String trackingCode, String secret) {}
