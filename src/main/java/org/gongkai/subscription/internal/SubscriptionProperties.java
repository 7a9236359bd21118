package org.gongkai.subscription.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Email subscriptions.
 *
 * @param from The sender of every subscription mail.
 * @param confirmWithin How long a confirmation link stays good; an unconfirmed subscription is
 *     removed, its address with it, after that.
 * @param sendInterval How often the cluster job gathers new items into mails and sends what is due.
 * @param digestAt The time of day (platform time zone) at which daily digests gather the items of
 *     the day before.
 * @param batch How many mails one run claims and hands to the mail server over one connection.
 * @param senders How many threads of a node send claimed batches at once, each over a connection of
 *     its own.
 * @param lease How long a node holds the mails it claimed; a node that dies mid-send loses them to
 *     another after this.
 * @param maxAttempts After this many failed attempts a mail is given up.
 * @param baseDelay The pause after a first failed attempt; each further failure doubles it.
 * @param maxDelay The longest pause between two attempts.
 * @param maxBounces After this many permanent failures (refused at sending or bounced) the
 *     address's subscriptions stop.
 * @param queryDelay How long after a publication saved searches are run for it, so that the search
 *     index has taken it.
 * @param keepMails How long a finished mail (sent, failed or cancelled), its notices and its lines
 *     in the send log are kept; a daily job removes older ones.
 * @param bounces The mailbox that bounce reports come back to, read by a cluster job; unset: only
 *     refusals at sending count.
 */
@ConfigurationProperties("gongkai.subscriptions")
@Validated
public record SubscriptionProperties(
    @DefaultValue("gongkai@localhost") @NotBlank String from,
    @DefaultValue("PT48H") @NotNull Duration confirmWithin,
    @DefaultValue("PT15S") @NotNull Duration sendInterval,
    @DefaultValue("07:00") @NotNull LocalTime digestAt,
    @DefaultValue("200") @Min(1) int batch,
    @DefaultValue("4") @Min(1) int senders,
    @DefaultValue("PT5M") @NotNull Duration lease,
    @DefaultValue("8") @Min(1) int maxAttempts,
    @DefaultValue("PT1M") @NotNull Duration baseDelay,
    @DefaultValue("PT6H") @NotNull Duration maxDelay,
    @DefaultValue("3") @Min(1) int maxBounces,
    @DefaultValue("PT2M") @NotNull Duration queryDelay,
    @DefaultValue("P90D") @NotNull Duration keepMails,
    @DefaultValue @Valid @NotNull Bounces bounces) {

  /**
   * The mailbox bounce reports (RFC 3464 delivery status notifications) arrive in.
   *
   * @param protocol {@code imap}, {@code imaps}, {@code pop3} or {@code pop3s}.
   * @param host The mail server; unset: bounces are not read.
   * @param port Its port; 0: the protocol's default.
   * @param username The mailbox's login.
   * @param password Its password.
   * @param interval How often the mailbox is read.
   */
  public record Bounces(
      @DefaultValue("imap") @NotBlank String protocol,
      String host,
      @DefaultValue("0") @Min(0) int port,
      String username,
      String password,
      @DefaultValue("PT5M") @NotNull Duration interval) {

    boolean configured() {
      return host != null && !host.isBlank();
    }
  }

  /** The pause before the next attempt after {@code attempts} failed ones. */
  Duration delayAfter(int attempts) {
    int shift = Math.min(Math.max(attempts - 1, 0), 30);
    Duration delay = baseDelay.multipliedBy(1L << shift);
    return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
  }
}
