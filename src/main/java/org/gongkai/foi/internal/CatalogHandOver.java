package org.gongkai.foi.internal;

import java.util.List;
import org.gongkai.account.Staff;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.catalog.DisclosureMode;
import org.gongkai.catalog.DocumentForm;
import org.gongkai.catalog.Editorial;
import org.gongkai.shared.web.Refusal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * Art. 44: information disclosed on request that the public keeps asking for becomes proactive
 * disclosure. One action drafts the catalog entry (which then passes the normal review) and records
 * the hand-over on every request it answers.
 */
@Component
class CatalogHandOver {

  private final Editorial editorial;
  private final RequestCommands service;
  private final RequestRepository requests;
  private final AgencyDirectory agencies;
  private final TransactionTemplate transactions;

  CatalogHandOver(
      Editorial editorial,
      RequestCommands service,
      RequestRepository requests,
      AgencyDirectory agencies,
      TransactionTemplate transactions) {
    this.editorial = editorial;
    this.service = service;
    this.requests = requests;
    this.agencies = agencies;
    this.transactions = transactions;
  }

  long publish(List<Long> requestIds, Long columnId, String title, String text, Staff actor) {
    if (requestIds == null || requestIds.isEmpty()) {
      throw Refusal.invalidField("requests", "foi.publish.requests-required");
    }
    RequestRow first =
        requests
            .find(requestIds.get(0))
            .orElseThrow(() -> Refusal.notFound("foi.request.not-found"));
    Agency agency = agencies.get(first.agencyId());
    DocumentForm form = new DocumentForm();
    form.setAgency(agency.code());
    form.setColumn(columnId);
    form.setTitle(
        title == null || title.isBlank()
            ? (first.infoTitle() != null ? first.infoTitle() : null)
            : title.strip());
    form.setDisclosureMode(DisclosureMode.PROACTIVE);
    form.setBody(
        text == null || text.isBlank()
            ? null
            : "<p>" + HtmlUtils.htmlEscape(text.strip()).replace("\n", "</p><p>") + "</p>");
    form.setChangeNote(
        "foi " + String.join(",", requestIds.stream().map(String::valueOf).toList()));
    if (form.getColumn() == null) {
      throw Refusal.invalidField("column", "document.column.required");
    }
    if (form.getTitle() == null) {
      throw Refusal.invalidField("title", "document.title.required");
    }
    if (form.getBody() == null) {
      throw Refusal.invalidField("text", "document.body.required");
    }
    return transactions.execute(
        tx -> {
          long documentId = editorial.createDraft(form, actor);
          service.markPublished(requestIds, documentId, actor);
          return documentId;
        });
  }
}
