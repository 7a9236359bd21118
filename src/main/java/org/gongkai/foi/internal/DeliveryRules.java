package org.gongkai.foi.internal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.gongkai.foi.DeliveryChannel;

/**
 * When a letter counts as received. The date recorded with its proof always wins; without one, the
 * letter is deemed received a number of calendar days after it was sent, by the rule of its
 * channel. The Regulation says nothing of service, so the rules follow the service provisions an
 * agency's letters are held to elsewhere, and where no law fixes a deemed date the number of days
 * is the platform's choice, a setting ({@code gongkai.foi.delivery.deemed-days.CHANNEL}).
 *
 * <table>
 *   <caption>One rule per channel</caption>
 *   <tr><th>channel</th><th>recorded</th><th>deemed without a record</th></tr>
 *   <tr><td>POST</td>
 *     <td>the date on the return receipt: 《民事诉讼法》（2017年修正）第八十八条 “邮寄送达的，以回执上注明的收件日期为送达日期”</td>
 *     <td>15 days after sending, the rule 《商标法实施条例》第十条 sets for an agency's letters by post
 *       (“邮戳日不清晰或者没有邮戳的，自文件发出之日起满15日视为送达当事人”); the platform's choice</td></tr>
 *   <tr><td>EMAIL</td>
 *     <td>the day it reaches the recipient's system: 《民事诉讼法》（2017年修正）第八十七条第二款
 *       “以传真、电子邮件等到达受送达人特定系统的日期为送达日期”</td>
 *     <td>the day it is sent (0 days): the platform's mail is delivered to the applicant's server at
 *       once; the platform's choice</td></tr>
 *   <tr><td>ONLINE</td>
 *     <td>the day it is shown on the applicant's status page, the system the applicant chose (the
 *       same Art. 87 ¶2)</td>
 *     <td>the day it is sent (0 days); the platform's choice</td></tr>
 *   <tr><td>PICKUP</td>
 *     <td>the date the applicant signs the delivery slip: 《民事诉讼法》（2017年修正）第八十四条
 *       “受送达人在送达回证上的签收日期为送达日期”</td>
 *     <td>no law deems a letter collected; 15 days after it was ready, as by post; the platform's
 *       choice</td></tr>
 * </table>
 *
 * <p>Later revisions of the Civil Procedure Law keep these rules under other numbers (2021: Arts.
 * 87, 90, 91).
 */
record DeliveryRules(Map<DeliveryChannel, Integer> deemedDays) {

  /** Every channel has a rule: those not given keep the default. */
  DeliveryRules {
    Map<DeliveryChannel, Integer> days = new EnumMap<>(DeliveryChannel.class);
    days.put(DeliveryChannel.POST, 15);
    days.put(DeliveryChannel.EMAIL, 0);
    days.put(DeliveryChannel.ONLINE, 0);
    days.put(DeliveryChannel.PICKUP, 15);
    days.putAll(deemedDays);
    deemedDays = Map.copyOf(days);
  }

  /** The table above, with the platform's defaults. */
  static DeliveryRules defaults() {
    return new DeliveryRules(Map.of());
  }

  /**
   * The day a letter sent on {@code sentOn} counts as received when no delivery is recorded; a
   * letter whose channel is not known is treated as posted, the slowest.
   */
  LocalDate deemed(DeliveryChannel channel, LocalDate sentOn) {
    return sentOn.plusDays(deemedDays(channel));
  }

  int deemedDays(DeliveryChannel channel) {
    return deemedDays.get(channel == null ? DeliveryChannel.POST : channel);
  }
}
