/**
 * The register of administrative licensing, penalty and coercion decisions (双公示): entry with four
 * eyes, the 7-working-day publication rule, the public register of each site, the credit platform's
 * files, and the counts of the annual report's table 二.
 */
package org.gongkai.decision;
