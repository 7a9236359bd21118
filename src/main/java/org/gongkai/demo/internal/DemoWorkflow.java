package org.gongkai.demo.internal;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongkai.account.AccountForm;
import org.gongkai.account.Accounts;
import org.gongkai.account.Role;
import org.gongkai.account.Staff;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.agency.ColumnType;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.Editorial;
import org.gongkai.catalog.Validity;

/** The demo's documents in the workflow: a draft, one submitted, a revision, a withdrawal. */
final class DemoWorkflow {

  private final AgencyDirectory agencies;
  private final Accounts accounts;
  private final Editorial editorial;
  private final Clock clock;

  DemoWorkflow(AgencyDirectory agencies, Accounts accounts, Editorial editorial, Clock clock) {
    this.agencies = agencies;
    this.accounts = accounts;
    this.editorial = editorial;
    this.clock = clock;
  }

  /**
   * The bureau's reviewer, so that the demo's revision is approved by a second person as the
   * platform requires. The password is random and shown nowhere: an administrator sets one to use
   * it.
   */
  Staff reviewer(Agency commerce, Staff admin) {
    AccountForm form = new AccountForm();
    form.setUsername(DemoTexts.REVIEWER_USERNAME);
    form.setDisplayName(DemoTexts.REVIEWER_NAME);
    form.setRole(Role.REVIEWER);
    form.setAgencyId(commerce.id());
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    form.setPassword(Base64.getEncoder().encodeToString(secret));
    return accounts.create(form, admin);
  }

  /** Leaves documents at each stage so that the console shows the workflow. */
  int workInProgress(Agency commerce, Staff admin, Staff reviewer, List<Long> policies) {
    Map<ColumnType, Column> columns = new HashMap<>();
    agencies.columns(commerce.id()).forEach(c -> columns.put(c.type(), c));
    LocalDate today = LocalDate.now(clock);
    DocumentForm draft = DemoDocuments.notice(commerce, today, "2026年度外贸企业稳订单拓市场专项资金申报");
    draft.setColumn(columns.get(ColumnType.NOTICE).id());
    editorial.createDraft(draft, admin);
    DocumentForm submitted = DemoDocuments.notice(commerce, today, "市商务局关于开展县域商业体系建设示范创建的通知");
    submitted.setColumn(columns.get(ColumnType.NOTICE).id());
    editorial.submit(editorial.createDraft(submitted, admin), admin);
    if (!policies.isEmpty()) {
      long revised = policies.get(0);
      editorial.startRevision(revised, admin);
      DocumentForm change =
          DocumentForm.of(editorial.get(revised, admin).working(), commerce.code(), List.of());
      change.setValidity(Validity.EXPIRED);
      change.setChangeNote(DemoTexts.EXPIRY_NOTE);
      editorial.updateDraft(revised, change, admin);
      editorial.submit(revised, admin);
      editorial.approve(revised, true, null, reviewer);
      editorial.publish(revised, null, reviewer);
    }
    if (policies.size() > 1) {
      editorial.withdraw(policies.get(policies.size() - 1), DemoTexts.WITHDRAW_REASON, admin);
    }
    return 2;
  }
}
