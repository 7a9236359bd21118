package org.gongkai.account.internal;

import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Gives every page the logged-in member of staff, for the console's header and menus. */
@ControllerAdvice(annotations = Controller.class)
class CurrentStaffAdvice {

  private final StaffAccess access;

  CurrentStaffAdvice(StaffAccess access) {
    this.access = access;
  }

  @ModelAttribute("currentStaff")
  Staff currentStaff() {
    return access.currentIfAny().orElse(null);
  }
}
