package org.gongkai.monitor.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.gongkai.shared.jobs.Cron;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The site monitor (网站监测): its rules' switches and thresholds, when it runs, and the visits it pays
 * to the site and to the external links of published documents.
 *
 * @param cron When the daily run over every agency starts (six-field cron, in the platform's zone).
 * @param recheckDelay The pause between two re-checks of the agencies whose public content changed
 *     since they were last checked.
 * @param disabledRules Monitor rules to switch off, by name (for example LATE_PROACTIVE).
 * @param newsDays Days after which a news column without a new document counts as stale.
 * @param noticePolicyMonths Months after which a notice or policy column without a new document
 *     counts as stale.
 * @param staleMonths Months after which any other column without a new document counts as stale.
 * @param homeDays Days after which an agency's home page without a new document counts as stale.
 * @param proactiveWorkingDays Working days within which a document must be published after it was
 *     issued (主动公开时限, Art. 26); the annual assessment counts late ones with the same limit.
 * @param mailboxMonths Months within which a mailbox message must be answered.
 * @param veto The counts at which a site fails whatever else it scores (单项否决).
 * @param probeBaseUrl The address the availability probes visit, {@code {host}} in it standing for
 *     each site's canonical host (https://{host}); without it every site is visited at this address
 *     naming its host in X-Forwarded-Host; unset, this node's own port through loopback.
 * @param probeCron When the availability probes visit each site's home page and each agency's pages
 *     on every site showing it (six-field cron, in the platform's zone).
 * @param externalLinks Whether the external links of published documents are visited in the
 *     background; each host's address is checked first, and private, loopback and link-local
 *     addresses are never visited.
 * @param externalLinksPerRun How many external links one run visits at most.
 * @param externalLinksInterval The pause between one run over the external links and the next.
 * @param externalLinksPause The pause between two visits within a run.
 * @param externalLinksRecheck How long an external link's result is kept before it is visited
 *     again.
 * @param externalLinksTimeout How long one visit may take.
 * @param externalLinksAllowedNetworks Networks (CIDR) that may be visited even though they are
 *     private, for a test server.
 */
@ConfigurationProperties("gongkai.monitor")
@Validated
record MonitorProperties(
    @DefaultValue(MonitorProperties.CRON) @Cron String cron,
    @DefaultValue(MonitorProperties.RECHECK_DELAY) @NotNull Duration recheckDelay,
    @DefaultValue @NotNull Set<Rule> disabledRules,
    @DefaultValue("14") @Min(1) int newsDays,
    @DefaultValue("6") @Min(1) int noticePolicyMonths,
    @DefaultValue("12") @Min(1) int staleMonths,
    @DefaultValue("14") @Min(1) int homeDays,
    @DefaultValue("20") @Min(1) int proactiveWorkingDays,
    @DefaultValue("3") @Min(1) int mailboxMonths,
    @DefaultValue @Valid Veto veto,
    @Pattern(regexp = "(https?://\\S+)?", message = "must be an http or https address")
        String probeBaseUrl,
    @DefaultValue(MonitorProperties.PROBE_CRON) @Cron String probeCron,
    @DefaultValue("false") boolean externalLinks,
    @DefaultValue("200") @Min(1) int externalLinksPerRun,
    @DefaultValue(MonitorProperties.EXTERNAL_LINKS_INTERVAL) @NotNull Duration externalLinksInterval,
    @DefaultValue("PT1S") @NotNull Duration externalLinksPause,
    @DefaultValue("P7D") @NotNull Duration externalLinksRecheck,
    @DefaultValue("PT10S") @NotNull Duration externalLinksTimeout,
    @DefaultValue @NotNull List<String> externalLinksAllowedNetworks) {

  // The jobs' schedules name these in placeholders, which must be constants.
  static final String CRON = "0 30 6 * * *";
  static final String RECHECK_DELAY = "PT1M";
  static final String PROBE_CRON = "0 17 * * * *";
  static final String EXTERNAL_LINKS_INTERVAL = "PT1H";

  MonitorProperties {
    probeBaseUrl = probeBaseUrl == null ? "" : probeBaseUrl.strip();
    if (probeBaseUrl.endsWith("/")) {
      probeBaseUrl = probeBaseUrl.substring(0, probeBaseUrl.length() - 1);
    }
  }

  /**
   * The veto thresholds.
   *
   * @param emptyColumns Empty columns at which the site fails.
   * @param sectionsNotUpdated Sections that must be updated and were not, at which the site fails.
   * @param staleColumns Stale columns at which the site fails.
   */
  record Veto(
      @DefaultValue("5") @Min(1) int emptyColumns,
      @DefaultValue("5") @Min(1) int sectionsNotUpdated,
      @DefaultValue("10") @Min(1) int staleColumns) {}
}
