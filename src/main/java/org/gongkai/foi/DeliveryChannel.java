package org.gongkai.foi;

/** How the applicant wants to receive the information and the reply (Art. 29 ¶3). */
public enum DeliveryChannel {
  EMAIL,
  POST,
  PICKUP,
  ONLINE
}
