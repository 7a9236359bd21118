package org.gongkai.account.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongkai.account.AgencyChoice;
import org.gongkai.account.Role;
import org.gongkai.account.Staff;
import org.gongkai.account.StaffAccess;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.shared.web.Refusal;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Editors and reviewers work in their own agency only; an agency admin also in the agencies below
 * it; the platform admin everywhere.
 */
@Service
class SecurityStaffAccess implements StaffAccess {

  private final AgencyDirectory agencies;

  SecurityStaffAccess(AgencyDirectory agencies) {
    this.agencies = agencies;
  }

  @Override
  public Staff current() {
    return currentIfAny()
        .orElseThrow(() -> new AuthenticationCredentialsNotFoundException("not logged in"));
  }

  @Override
  public Optional<Staff> currentIfAny() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof StaffIdentity principal) {
      return Optional.of(principal.staff());
    }
    return Optional.empty();
  }

  @Override
  public Set<Long> agencyScope(Staff staff) {
    if (staff.isPlatformAdmin()) {
      return Set.copyOf(agencies.all().stream().map(a -> a.id()).toList());
    }
    if (staff.agencyId() == null) {
      return Set.of();
    }
    if (staff.role() == Role.AGENCY_ADMIN) {
      return agencies.subtree(staff.agencyId());
    }
    return Set.of(staff.agencyId());
  }

  @Override
  public boolean mayWorkOn(Staff staff, long agencyId) {
    if (staff.isPlatformAdmin()) {
      return true;
    }
    return agencyScope(staff).contains(agencyId);
  }

  @Override
  public void requireAgency(Staff staff, long agencyId) {
    if (!mayWorkOn(staff, agencyId)) {
      throw Refusal.forbidden("access.other-agency");
    }
  }

  @Override
  public void requireReviewer(Staff staff, long agencyId) {
    requireAgency(staff, agencyId);
    if (!staff.role().reviews()) {
      throw Refusal.forbidden("access.reviewer-only");
    }
  }

  @Override
  public void requireAdministrator(Staff staff, long agencyId) {
    requireAgency(staff, agencyId);
    if (!staff.role().administers()) {
      throw Refusal.forbidden("access.admin-only");
    }
  }

  @Override
  public void requirePlatformAdmin(Staff staff) {
    if (!staff.isPlatformAdmin()) {
      throw Refusal.forbidden("access.platform-admin-only");
    }
  }

  @Override
  public List<Agency> agenciesInScope(Staff staff) {
    var scope = agencyScope(staff);
    return agencies.all().stream().filter(a -> scope.contains(a.id())).toList();
  }

  @Override
  public AgencyChoice chooseAgency(Staff staff, String code) {
    List<Agency> mine = agenciesInScope(staff);
    Agency selected =
        code == null || code.isBlank()
            ? (mine.isEmpty() ? null : mine.get(0))
            : agencies
                .findByCode(code.trim())
                .orElseThrow(() -> Refusal.notFound("agency.not-found"));
    if (selected == null) {
      throw Refusal.forbidden("account.no-agency");
    }
    requireAgency(staff, selected.id());
    return new AgencyChoice(mine, selected);
  }

  @Override
  public boolean requireSecondPerson(Staff approver, long agencyId, Collection<String> authors) {
    if (authors.stream().noneMatch(author -> approver.username().equals(author))) {
      return false;
    }
    if (agencies.get(agencyId).fourEyesWaived()) {
      return true;
    }
    throw Refusal.forbidden("review.own-work");
  }
}
