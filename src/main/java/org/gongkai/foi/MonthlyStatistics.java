package org.gongkai.foi;

import java.time.Instant;

/**
 * One agency's requests in one month, and whether the agency has filed the month. A filed month
 * with nothing received is a zero report; a month not filed is missing, whatever its numbers.
 */
public record MonthlyStatistics(
    String agency,
    String agencyName,
    String month,
    boolean filed,
    boolean zeroReport,
    String filedBy,
    Instant filedAt,
    RequestTable table) {}
