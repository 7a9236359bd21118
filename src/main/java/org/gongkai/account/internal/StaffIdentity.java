package org.gongkai.account.internal;

import org.gongkai.account.Staff;

/** Who a logged-in principal is, however they logged in: with a password or through single sign-on. */
interface StaffIdentity {

  Staff staff();
}
