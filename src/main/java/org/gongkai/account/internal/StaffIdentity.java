package org.gongkai.account.internal;

import java.io.Serializable;
import org.gongkai.account.Staff;

/**
 * Who a logged-in principal is, however they logged in: with a password or through single sign-on.
 * Serializable: sessions shared by several nodes are kept in the database.
 */
interface StaffIdentity extends Serializable {

  Staff staff();
}
