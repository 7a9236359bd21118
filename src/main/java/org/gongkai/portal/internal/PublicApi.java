package org.gongkai.portal.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.Column;
import org.gongkai.catalog.Attachment;
import org.gongkai.catalog.Catalog;
import org.gongkai.catalog.CatalogQuery;
import org.gongkai.catalog.ChangeRecord;
import org.gongkai.catalog.DisclosureMode;
import org.gongkai.catalog.DocumentSummary;
import org.gongkai.catalog.Edition;
import org.gongkai.catalog.LinkedDocument;
import org.gongkai.catalog.PublicDocument;
import org.gongkai.catalog.Validity;
import org.gongkai.portal.OpenDocuments;
import org.gongkai.shared.web.PageResult;
import org.gongkai.shared.web.Refusal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The open API: agencies, columns and published documents, for other platforms to pull. */
@RestController
@RequestMapping("/api/v1")
class PublicApi implements OpenDocuments {

  private final Catalog catalog;
  private final AgencyDirectory agencies;
  private final ServingSite site;

  PublicApi(Catalog catalog, AgencyDirectory agencies, ServingSite site) {
    this.catalog = catalog;
    this.agencies = agencies;
    this.site = site;
  }

  record AgencyItem(String code, String name, String parentCode) {}

  record ColumnItem(long id, String name, String type, Long parentId) {}

  record DocumentItem(
      long id,
      String indexNumber,
      String title,
      String agency,
      String column,
      String docNumber,
      LocalDate publishedOn,
      String url) {}

  record DocumentPage(long total, int page, int size, List<DocumentItem> items) {}

  record AttachmentItem(long id, String fileName, String mediaType, long size, String url) {}

  record LinkItem(long id, String title, String docNumber, LocalDate publishedOn, String url) {}

  record DocumentDetail(
      long id,
      String indexNumber,
      String title,
      String agency,
      String agencyName,
      String column,
      String docNumber,
      LocalDate issuedOn,
      LocalDate publishedOn,
      String topic,
      String genre,
      String keywords,
      Validity validity,
      LocalDate effectiveOn,
      LocalDate repealedOn,
      String disclosureMode,
      String kind,
      String source,
      String summary,
      String bodyHtml,
      int edition,
      List<AttachmentItem> attachments,
      List<LinkItem> interpretations,
      List<LinkItem> interpretedPolicies,
      List<ChangeRecord> history,
      String url) {}

  @GetMapping("/agencies")
  List<AgencyItem> agencies() {
    List<Agency> all = agencies.all();
    return all.stream()
        .map(
            a ->
                new AgencyItem(
                    a.code(),
                    a.name(),
                    all.stream()
                        .filter(p -> a.parentId() != null && p.id() == a.parentId())
                        .map(Agency::code)
                        .findFirst()
                        .orElse(null)))
        .toList();
  }

  @GetMapping("/agencies/{code}/columns")
  List<ColumnItem> columns(@PathVariable String code) {
    Agency agency =
        agencies.findByCode(code).orElseThrow(() -> Refusal.notFound("agency.not-found"));
    return agencies.visibleColumns(agency.id()).stream()
        .map(c -> new ColumnItem(c.id(), c.name(), c.type().name(), c.parentId()))
        .toList();
  }

  @GetMapping("/documents")
  DocumentPage documents(
      @RequestParam(required = false) String agency,
      @RequestParam(required = false) Long column,
      @RequestParam(required = false) Integer year,
      @RequestParam(required = false) Validity validity,
      @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size,
      HttpServletRequest request) {
    Set<Long> agencyIds = null;
    if (agency != null && !agency.isBlank()) {
      agencyIds =
          Set.of(
              agencies
                  .findByCode(agency)
                  .orElseThrow(() -> Refusal.notFound("agency.not-found"))
                  .id());
    }
    Set<Long> columnIds = column == null ? null : Set.of(column);
    // A column's or an agency's list holds what the site answering here accepted into it (信息报送),
    // as its page does.
    Set<Long> receiving =
        columnIds != null
            ? columnIds
            : agencyIds == null
                ? Set.of()
                : agencies.visibleColumns(agencyIds.iterator().next()).stream()
                    .map(Column::id)
                    .collect(java.util.stream.Collectors.toSet());
    int perPage = PageResult.clampSize(size, 20, 100);
    PageResult<DocumentSummary> result =
        catalog.published(
            new CatalogQuery(
                    agencyIds,
                    columnIds,
                    year,
                    validity,
                    null,
                    PageResult.page(page, perPage),
                    perPage)
                .withAlso(receiving.isEmpty() ? null : site.acceptedIfServed(request, receiving)));
    return new DocumentPage(
        result.total(),
        result.page(),
        result.size(),
        result.items().stream()
            .map(
                d ->
                    new DocumentItem(
                        d.id(),
                        d.indexNumber(),
                        d.title(),
                        agencyCode(d.agencyId()),
                        columnName(d.columnId()),
                        d.docNumber(),
                        d.publishedOn(),
                        "/documents/" + d.id()))
            .toList());
  }

  @Override
  public Object documentView(long documentId) {
    return document(documentId);
  }

  @GetMapping("/documents/{id}")
  DocumentDetail document(@PathVariable long id) {
    PublicDocument doc = catalog.publicDocument(id);
    Edition e = doc.edition();
    Agency agency = agencies.get(doc.agencyId());
    // An entry disclosed on request (依申请公开) is listed in the catalog; its content goes to
    // applicants only.
    boolean proactive = e.disclosureMode() == DisclosureMode.PROACTIVE;
    return new DocumentDetail(
        doc.id(),
        doc.indexNumber(),
        e.title(),
        agency.code(),
        agency.name(),
        columnName(e.columnId()),
        e.docNumber(),
        e.issuedOn(),
        doc.publishedOn(),
        e.topic(),
        e.genre(),
        e.keywords(),
        e.validity(),
        e.effectiveOn(),
        e.repealedOn(),
        e.disclosureMode().name(),
        e.kind().name(),
        e.source(),
        e.summary(),
        proactive ? e.bodyHtml() : null,
        e.editionNumber(),
        proactive ? e.attachments().stream().map(a -> attachment(id, a)).toList() : List.of(),
        doc.interpretations().stream().map(PublicApi::link).toList(),
        doc.interpretedPolicies().stream().map(PublicApi::link).toList(),
        doc.history(),
        "/documents/" + id);
  }

  private static AttachmentItem attachment(long documentId, Attachment a) {
    return new AttachmentItem(
        a.id(),
        a.fileName(),
        a.mediaType(),
        a.sizeBytes(),
        "/documents/" + documentId + "/attachments/" + a.id());
  }

  private static LinkItem link(LinkedDocument l) {
    return new LinkItem(l.id(), l.title(), l.docNumber(), l.publishedOn(), "/documents/" + l.id());
  }

  private String agencyCode(long agencyId) {
    return agencies.find(agencyId).map(Agency::code).orElse(null);
  }

  private String columnName(long columnId) {
    return agencies.column(columnId).map(Column::name).orElse(null);
  }
}
