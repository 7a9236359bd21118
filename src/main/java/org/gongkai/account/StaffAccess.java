package org.gongkai.account;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongkai.agency.Agency;

/** Who is acting, and which agencies' records they may see and change. */
public interface StaffAccess {

  /**
   * The member of staff behind the current request; refuses with 401 semantics when nobody is
   * logged in.
   */
  Staff current();

  Optional<Staff> currentIfAny();

  /** Agencies whose drafts this person may read and change; empty set never means "all". */
  Set<Long> agencyScope(Staff staff);

  boolean mayWorkOn(Staff staff, long agencyId);

  /** Throws a 403 refusal unless the person may work on that agency's records. */
  void requireAgency(Staff staff, long agencyId);

  /** Throws a 403 refusal unless the person's role reviews (approves, publishes, withdraws). */
  void requireReviewer(Staff staff, long agencyId);

  /** Throws a 403 refusal unless the person administers that agency. */
  void requireAdministrator(Staff staff, long agencyId);

  void requirePlatformAdmin(Staff staff);

  /**
   * Four eyes: throws a 403 refusal when the person approving or publishing is one of those who
   * wrote it, unless the agency has had four eyes waived. Returns true when the approval stands on
   * the waiver alone, for the audit record to say so.
   */
  boolean requireSecondPerson(Staff approver, long agencyId, Collection<String> authors);

  /** What the audit record of an approval that stood on the waiver says. */
  String FOUR_EYES_WAIVED = "[four eyes waived]";

  /** The agencies in the person's scope, in the directory's order, for pickers and overviews. */
  List<Agency> agenciesInScope(Staff staff);

  /**
   * For console pages that work on one agency at a time: the agencies in scope and the one chosen.
   */
  AgencyChoice chooseAgency(Staff staff, String code);
}
