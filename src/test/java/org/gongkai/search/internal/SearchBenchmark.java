package org.gongkai.search.internal;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.gongkai.GongkaiApplication;
import org.gongkai.agency.Agency;
import org.gongkai.agency.AgencyDirectory;
import org.gongkai.agency.AgencyForm;
import org.gongkai.agency.ColumnType;
import org.gongkai.search.IndexStatus;
import org.gongkai.search.SearchQuery;
import org.gongkai.support.OpenSearchTestCluster;
import org.gongkai.support.PostgresTestDatabase;
import org.gongkai.support.TestCodes;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The search benchmark, a harness and not a test: it is not part of {@code mvn verify}. It
 * generates N synthetic Chinese documents in the database, rebuilds the index through the
 * platform's own pipeline, then answers one query mix three ways on the same data: through the HTTP
 * API, directly through the {@code SearchIndex} port, with a naive raw Lucene index of the same
 * texts (one bigram field, BM25, top 10, no facets) as the engine's own floor, and with {@code LIKE
 * '%…%'} in the database, as many agency sites do. It prints the figures and their ratios and
 * writes {@code target/benchmark/search-<N>.json}. Run it without the coverage agent.
 *
 * <pre>
 * mvn -B test -Djacoco.skip=true -Dtest=SearchBenchmark -Dbenchmark.docs=100000 -DargLine=-Xmx1g
 * mvn -B test -Djacoco.skip=true -Dtest=SearchBenchmark -Dbenchmark.docs=1000000 -DargLine=-Xmx1g
 * </pre>
 *
 * With {@code -Dbenchmark.engine=opensearch} the index is on a two-node OpenSearch cluster started
 * inside the same JVM (give it {@code -Xmx3g}: the nodes share the heap and the two cores), and the
 * figures go to {@code search-<N>-opensearch.json}.
 */
class SearchBenchmark {

  static final String[] COMMON = {
    "营商环境", "安全生产", "乡村振兴", "生态环境", "就业创业", "财政资金", "公共服务", "市场监管", "城市更新", "教育发展", "医疗保障", "养老服务",
    "科技创新", "数字政府", "防汛抗旱", "食品安全", "交通运输", "文化旅游", "住房保障", "社会救助"
  };
  static final String[] FILLER = {
    "各县（市、区）人民政府，市政府各部门、各直属单位要高度重视，",
    "加强组织领导，压实工作责任，",
    "统筹推进各项工作任务落地见效，",
    "建立健全长效机制，",
    "及时向社会公开工作进展情况，",
    "切实保障人民群众合法权益。",
    "对工作中发现的问题及时督促整改，",
    "有关部门按照职责分工密切配合，",
    "资金使用情况依法接受审计监督，",
    "推行“一网通办”，申请材料能减尽减，",
    "做好政策宣传解读和舆情回应，",
    "定期通报工作进展。"
  };
  private static final String[] ABBR = {"临政", "临商", "临环", "临教", "临财"};

  private final int docs = Integer.getInteger("benchmark.docs", 100_000);
  private final boolean postgres = "postgres".equals(System.getProperty("benchmark.db"));
  private final int seconds = Integer.getInteger("benchmark.seconds", 20);
  private final int warmupSeconds = Integer.getInteger("benchmark.warmup", 10);
  private final boolean openSearch = "opensearch".equals(System.getProperty("benchmark.engine"));
  private final boolean queries =
      Boolean.parseBoolean(System.getProperty("benchmark.queries", "true"));
  private final int catchUpDocs = Integer.getInteger("benchmark.catchup-docs", docs);

  /** How many queries each phase of the stream where no query repeats asks (0: none). */
  private final int unique = Integer.getInteger("benchmark.unique", 2_000);

  @Test
  void run() throws Exception {
    Path dataDir = Files.createTempDirectory("gongkai-benchmark");
    List<String> props =
        new ArrayList<>(
            List.of(
                "gongkai.data-dir=" + dataDir,
                "gongkai.demo=false",
                "server.port=0",
                "GONGKAI_ADMIN_PASSWORD=benchmark-password",
                "logging.level.root=WARN",
                "logging.level.org.gongkai=INFO",
                // The mix repeats its 300 queries: with the first-page cache on, every measured
                // search would be a hit.
                "gongkai.search.first-page-cache="
                    + (Boolean.getBoolean("benchmark.cache") ? 1000 : 0),
                "gongkai.search.warm-up-queries="
                    + (Boolean.getBoolean("benchmark.cache") ? 20 : 0),
                "gongkai.search.segment-threads="
                    + Integer.getInteger("benchmark.segment-threads", 1)));
    if (openSearch) {
      props.add("gongkai.search.engine=opensearch");
      props.add("gongkai.search.opensearch.hosts=" + OpenSearchTestCluster.shared().hosts());
      props.add("gongkai.search.opensearch.alias=benchmark-" + System.currentTimeMillis());
    }
    if (postgres) {
      props.add("spring.datasource.url=" + PostgresTestDatabase.url());
      props.add("spring.datasource.username=" + PostgresTestDatabase.user());
      props.add("spring.datasource.password=" + PostgresTestDatabase.password());
    }
    try (ConfigurableApplicationContext app =
        new SpringApplicationBuilder(GongkaiApplication.class)
            .run(props.stream().map(p -> "--" + p).toArray(String[]::new))) {
      int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
      SearchService search = app.getBean(SearchService.class);
      waitReady(search);
      List<Agency> agencies = createAgencies(app.getBean(AgencyDirectory.class));
      Corpus corpus =
          load(
              app.getBean(DataSource.class), app.getBean(AgencyDirectory.class), agencies, 1, docs);

      double rebuildLoad = loadAverage();
      long started = System.nanoTime();
      search.startRebuild("benchmark");
      waitReady(search);
      double rebuildSeconds = (System.nanoTime() - started) / 1e9;
      EngineIndex index = search.index();
      Map<String, Object> figures = new LinkedHashMap<>();
      figures.put("docs", docs);
      figures.put("db", postgres ? "postgres" : "h2");
      figures.put("engine", openSearch ? "opensearch" : "lucene");
      figures.put("rebuild_s", round(rebuildSeconds, 1));
      figures.put("rebuild_docs_per_s", Math.round(docs / rebuildSeconds));
      figures.put("rebuild_load_average", round(rebuildLoad, 2));
      figures.put("index_mb", round(index.diskBytes() / 1e6, 1));
      print(
          "documents: %,d on %s, index on %s; rebuild through the platform: %.1f s, %.0f docs/s"
              + " (load average %.2f); index %,.1f MB",
          docs,
          postgres ? "PostgreSQL" : "H2",
          openSearch ? "OpenSearch (2 nodes, 1 replica)" : "embedded Lucene",
          rebuildSeconds,
          docs / rebuildSeconds,
          rebuildLoad,
          index.diskBytes() / 1e6);
      if (queries) {
        queries(app, search, index, corpus, port, dataDir, figures);
      }
      if (catchUpDocs > 0) {
        catchUp(app, search, agencies, figures);
      }
      StringBuilder json = new StringBuilder("{");
      figures.forEach(
          (key, value) ->
              json.append(json.length() > 1 ? "," : "")
                  .append('"')
                  .append(key)
                  .append("\":")
                  .append(value instanceof String ? "\"" + value + "\"" : value));
      json.append("}\n");
      Path out =
          Path.of(
              "target",
              "benchmark",
              "search-" + docs + (openSearch ? "-opensearch" : "") + ".json");
      Files.createDirectories(out.getParent());
      Files.writeString(out, json);
      print("written to %s", out);
    }
  }

  /**
   * Documents loaded behind the index, as a migration or a restore leaves them, then the catch-up
   * the index runs when it opens: the figure to compare with the rebuild's.
   */
  private void catchUp(
      ConfigurableApplicationContext app,
      SearchService search,
      List<Agency> agencies,
      Map<String, Object> figures)
      throws Exception {
    load(
        app.getBean(DataSource.class),
        app.getBean(AgencyDirectory.class),
        agencies,
        docs + 1,
        catchUpDocs);
    long before = search.index().size();
    double load = loadAverage();
    long started = System.nanoTime();
    search.catchUp();
    double seconds = (System.nanoTime() - started) / 1e9;
    long after = search.index().size();
    if (after != before + catchUpDocs) {
      throw new IllegalStateException(
          "catch-up left " + after + " documents in the index, expected " + (before + catchUpDocs));
    }
    print(
        "catch-up of %,d documents loaded behind an index of %,d: %.1f s, %.0f docs/s"
            + " (load average %.2f); the rebuild did %s docs/s",
        catchUpDocs,
        before,
        seconds,
        catchUpDocs / seconds,
        load,
        figures.get("rebuild_docs_per_s"));
    figures.put("catchup_docs", catchUpDocs);
    figures.put("catchup_s", round(seconds, 1));
    figures.put("catchup_docs_per_s", Math.round(catchUpDocs / seconds));
    figures.put("catchup_load_average", round(load, 2));
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double round(double value, int digits) {
    double scale = Math.pow(10, digits);
    return Math.round(value * scale) / scale;
  }

  private void queries(
      ConfigurableApplicationContext app,
      SearchService search,
      EngineIndex index,
      Corpus corpus,
      int port,
      Path dataDir,
      Map<String, Object> figures)
      throws Exception {
    List<Query> mix = corpus.mix(new Random(42));

    Stats direct1 = measure("port", 1, mix, q -> index.search(q.toSearch()));
    Stats direct4 = measure("port", 4, mix, q -> index.search(q.toSearch()));
    // The same searches through the service the API calls: facet labels and the query log added.
    Stats service1 = measure("service", 1, mix, q -> search.search(q.toSearch()));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    Stats http1 = measure("http", 1, mix, q -> get(http, url(port, q)));
    Stats http4 = measure("http", 4, mix, q -> get(http, url(port, q)));
    // The same client, filters and JSON with no search behind them: what HTTP itself costs here.
    String floorUrl = "http://localhost:" + port + "/api/v1/search/suggest?q=";
    Stats floor = measure("floor", 1, mix, q -> get(http, floorUrl));
    // Queries nobody asked before, as most of a public site's are: the same stream through HTTP
    // and through raw Lucene, a part of it with one client and another part with four.
    List<Query> stream = UniqueQueries.stream(corpus, mix, unique * 2, new Random(43));
    List<Query> stream1 = stream.subList(0, Math.min(unique, stream.size()));
    List<Query> stream4 = stream.subList(stream1.size(), stream.size());
    double onceLoad = loadAverage();
    Stats once1 =
        unique > 0 ? measureOnce("http", 1, mix, stream1, q -> get(http, url(port, q))) : null;
    Stats once4 =
        unique > 0 ? measureOnce("http", 4, mix, stream4, q -> get(http, url(port, q))) : null;
    Stats like = like(app.getBean(DataSource.class), mix);
    Stats raw1;
    Stats raw4;
    Stats rawOnce1 = null;
    Stats rawOnce4 = null;
    try (RawLucene raw = RawLucene.build(app.getBean(DataSource.class), dataDir.resolve("raw"))) {
      raw1 = measure("raw", 1, mix, raw::search);
      raw4 = measure("raw", 4, mix, raw::search);
      if (unique > 0) {
        rawOnce1 = measureOnce("raw", 1, mix, stream1, raw::search);
        rawOnce4 = measureOnce("raw", 4, mix, stream4, raw::search);
      }
    }

    System.gc();
    long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    print("%-28s %9s %9s %9s %9s", "query mix (6 kinds)", "p50 ms", "p95 ms", "p99 ms", "q/s");
    List<Stats> rows =
        new ArrayList<>(List.of(direct1, direct4, service1, http1, http4, floor, raw1, raw4, like));
    if (unique > 0) {
      rows.addAll(List.of(once1, once4, rawOnce1, rawOnce4));
    }
    for (Stats s : rows) {
      print("%-28s %9.2f %9.2f %9.2f %9.1f", s.label, s.p(50), s.p(95), s.p(99), s.qps);
    }
    print(
        "HTTP / port at p99: %.2f (1 client), %.2f (4 clients)",
        http1.p(99) / direct1.p(99), http4.p(99) / direct4.p(99));
    print(
        "HTTP / raw Lucene at p99: %.2f (1 client), %.2f (4 clients); target <= 2",
        http1.p(99) / raw1.p(99), http4.p(99) / raw4.p(99));
    print(
        "LIKE / HTTP at p50: %.0f x faster with the index; target >= 50", like.p(50) / http1.p(50));
    print(
        "heap after GC: %,.0f MB of %,.0f MB max",
        heapUsed / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
    figures.put("http_p50_ms_1", round(http1.p(50), 2));
    figures.put("http_p99_ms_1", round(http1.p(99), 2));
    figures.put("http_p50_ms_4", round(http4.p(50), 2));
    figures.put("http_p99_ms_4", round(http4.p(99), 2));
    figures.put("port_p50_ms_1", round(direct1.p(50), 2));
    figures.put("port_p99_ms_1", round(direct1.p(99), 2));
    figures.put("port_p99_ms_4", round(direct4.p(99), 2));
    figures.put("raw_p50_ms_1", round(raw1.p(50), 2));
    figures.put("raw_p99_ms_1", round(raw1.p(99), 2));
    figures.put("raw_p99_ms_4", round(raw4.p(99), 2));
    figures.put("http_over_raw_p99_1", round(http1.p(99) / raw1.p(99), 2));
    figures.put("http_over_raw_p99_4", round(http4.p(99) / raw4.p(99), 2));
    figures.put("like_p50_ms", round(like.p(50), 1));
    figures.put("http_floor_p50_ms_1", round(floor.p(50), 2));
    figures.put("http_floor_p99_ms_1", round(floor.p(99), 2));
    figures.put("heap_mb", round(heapUsed / 1e6, 1));
    figures.put("port_alloc_kb_1", Math.round(direct1.allocatedKb()));
    figures.put("service_alloc_kb_1", Math.round(service1.allocatedKb()));
    figures.put("http_alloc_kb_1", Math.round(http1.allocatedKb()));
    figures.put("raw_alloc_kb_1", Math.round(raw1.allocatedKb()));
    if (unique > 0) {
      once(figures, once1, once4, rawOnce1, rawOnce4, onceLoad);
    }
  }

  /**
   * The stream where no query repeats, through HTTP and raw Lucene: printed by kind, with the
   * ratios, and written beside the mix's figures ({@code raw_p99_ms_4} being the mix's, the
   * stream's raw figures are {@code raw_nocache_*}).
   */
  private static void once(
      Map<String, Object> figures, Stats http1, Stats http4, Stats raw1, Stats raw4, double load) {
    print(
        "each query once (first-page cache and warm-up queries off; load average %.2f at the start):"
            + " HTTP / raw Lucene at p99 %.2f (1 client), %.2f (4 clients), at p50 %.2f;"
            + " target at p99 <= 1.5",
        load, http1.p(99) / raw1.p(99), http4.p(99) / raw4.p(99), http1.p(50) / raw1.p(50));
    for (String kind : UniqueQueries.KINDS) {
      print(
          "  %-10s HTTP p50 %6.2f p99 %6.2f   raw p50 %6.2f p99 %6.2f   p99 ratio %5.2f"
              + "   (4 clients: HTTP p99 %6.2f, raw %6.2f)",
          kind,
          http1.p(kind, 50),
          http1.p(kind, 99),
          raw1.p(kind, 50),
          raw1.p(kind, 99),
          http1.p(kind, 99) / raw1.p(kind, 99),
          http4.p(kind, 99),
          raw4.p(kind, 99));
    }
    figures.put("nocache_queries_1", http1.nanos().size());
    figures.put("nocache_queries_4", http4.nanos().size());
    figures.put("nocache_load_average", round(load, 2));
    figures.put("http_nocache_p50_ms_1", round(http1.p(50), 2));
    figures.put("http_nocache_p95_ms_1", round(http1.p(95), 2));
    figures.put("http_nocache_p99_ms_1", round(http1.p(99), 2));
    figures.put("http_nocache_p50_ms_4", round(http4.p(50), 2));
    figures.put("http_nocache_p99_ms_4", round(http4.p(99), 2));
    figures.put("http_nocache_qps_1", round(http1.qps(), 1));
    figures.put("http_nocache_qps_4", round(http4.qps(), 1));
    figures.put("raw_nocache_p50_ms_1", round(raw1.p(50), 2));
    figures.put("raw_nocache_p99_ms_1", round(raw1.p(99), 2));
    figures.put("raw_nocache_p99_ms_4", round(raw4.p(99), 2));
    figures.put("http_nocache_over_raw_p99_1", round(http1.p(99) / raw1.p(99), 2));
    figures.put("http_nocache_over_raw_p99_4", round(http4.p(99) / raw4.p(99), 2));
    figures.put("http_nocache_alloc_kb_1", Math.round(http1.allocatedKb()));
    for (String kind : UniqueQueries.KINDS) {
      figures.put("http_nocache_" + kind + "_p50_ms_1", round(http1.p(kind, 50), 2));
      figures.put("http_nocache_" + kind + "_p99_ms_1", round(http1.p(kind, 99), 2));
      figures.put("raw_nocache_" + kind + "_p99_ms_1", round(raw1.p(kind, 99), 2));
    }
  }

  record Query(String kind, String text, String agency, Integer year) {
    SearchQuery toSearch() {
      return new SearchQuery(
          text,
          agency,
          null,
          null,
          null,
          year == null ? null : LocalDate.of(year, 1, 1),
          year == null ? null : LocalDate.of(year, 12, 31),
          SearchQuery.Sort.RELEVANCE,
          1,
          10,
          null,
          true);
    }
  }

  /**
   * What the queries are made of. The mix draws on {@code docNumbers} and {@code companies}; the
   * stream where no query repeats on the far more numerous {@code moreDocNumbers} and {@code
   * moreCompanies}, which hold none of them.
   */
  record Corpus(
      List<String> docNumbers,
      List<String> companies,
      List<String> agencyCodes,
      int firstYear,
      List<String> moreDocNumbers,
      List<String> moreCompanies) {
    List<Query> mix(Random r) {
      List<Query> mix = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        mix.add(new Query("common", COMMON[r.nextInt(COMMON.length)], null, null));
        mix.add(new Query("rare", companies.get(r.nextInt(companies.size())), null, null));
        mix.add(
            new Query(
                "and",
                COMMON[r.nextInt(COMMON.length)] + " " + COMMON[r.nextInt(COMMON.length)],
                null,
                null));
        mix.add(
            new Query(
                "phrase",
                "\"" + FILLER[r.nextInt(FILLER.length)].substring(0, 6) + "\"",
                null,
                null));
        String dn = docNumbers.get(r.nextInt(docNumbers.size()));
        mix.add(
            new Query(
                "docnumber",
                r.nextBoolean() ? dn : dn.replace('〔', '[').replace('〕', ']'),
                null,
                null));
        mix.add(
            new Query(
                "filtered",
                COMMON[r.nextInt(COMMON.length)],
                agencyCodes.get(r.nextInt(agencyCodes.size())),
                firstYear + r.nextInt(5)));
      }
      Collections.shuffle(mix, r);
      return mix;
    }
  }

  /** Documents {@code first} to {@code first + count - 1}, straight into the tables. */
  private Corpus load(
      DataSource ds, AgencyDirectory directory, List<Agency> agencies, int first, int count)
      throws Exception {
    long started = System.nanoTime();
    Random r = new Random(7 + first);
    // The names only the stream where no query repeats asks for, drawn apart so that the texts the
    // mix searches stay as they were.
    Random more = new Random(11 + first);
    List<String> docNumbers = new ArrayList<>();
    List<String> companies = new ArrayList<>();
    List<String> moreDocNumbers = new ArrayList<>();
    List<String> moreCompanies = new ArrayList<>();
    int firstYear = LocalDate.now().getYear() - 4;
    long[] columns =
        agencies.stream()
            .mapToLong(a -> directory.column(a.id(), ColumnType.POLICY).orElseThrow().id())
            .toArray();
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    try (Connection c = ds.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement doc =
              c.prepareStatement(
                  "INSERT INTO document (id, agency_id, index_number, published_on, created_at, created_by) VALUES (?, ?, ?, ?, ?, 'benchmark')");
          PreparedStatement ed =
              c.prepareStatement(
                  "INSERT INTO edition (id, document_id, edition_number, state, lock_version, column_id, kind, title, doc_number,"
                      + " issued_on, keywords, validity, disclosure_mode, body_html, published_at, created_at, created_by,"
                      + " updated_at, updated_by) VALUES (?, ?, 1, 'PUBLISHED', 0, ?, 'GENERAL', ?, ?, ?, ?, ?, 'PROACTIVE', ?, ?,"
                      + " ?, 'benchmark', ?, 'benchmark')")) {
        for (int i = first; i < first + count; i++) {
          int a = r.nextInt(agencies.size());
          LocalDate day =
              LocalDate.of(firstYear + r.nextInt(5), 1 + r.nextInt(12), 1 + r.nextInt(28));
          String topic = COMMON[r.nextInt(COMMON.length)];
          String docNumber = ABBR[a] + "〔" + day.getYear() + "〕" + i + "号";
          if (i % 97 == 0) {
            docNumbers.add(docNumber);
          } else if (i % 13 == 0) {
            moreDocNumbers.add(docNumber);
          }
          StringBuilder body = new StringBuilder("<p>为进一步做好").append(topic).append("工作，");
          while (body.length() < 1500) {
            body.append(FILLER[r.nextInt(FILLER.length)]);
            if (r.nextInt(6) == 0) {
              body.append(COMMON[r.nextInt(COMMON.length)]);
            }
          }
          if (i % 1000 == 0) {
            String company =
                "临江" + (char) ('甲' + r.nextInt(20)) + (char) ('子' + r.nextInt(12)) + i + "号实业有限公司";
            companies.add(company);
            body.append("当事人").append(company).append("依法受到处理。");
          } else if (i % 100 == 0) {
            String company =
                "临江"
                    + (char) ('甲' + more.nextInt(20))
                    + (char) ('子' + more.nextInt(12))
                    + i
                    + "号实业有限公司";
            moreCompanies.add(company);
            body.append("当事人").append(company).append("依法受到处理。");
          }
          body.append("</p>");
          String title = "关于加强" + topic + "工作的通知（第" + i + "号）";
          doc.setLong(1, 10_000_000L + i);
          doc.setLong(2, agencies.get(a).id());
          doc.setString(
              3, agencies.get(a).code() + "/" + day.getYear() + "-" + String.format("%07d", i));
          doc.setObject(4, day);
          doc.setObject(5, now);
          doc.addBatch();
          ed.setLong(1, 10_000_000L + i);
          ed.setLong(2, 10_000_000L + i);
          ed.setLong(3, columns[a]);
          ed.setString(4, title);
          ed.setString(5, docNumber);
          ed.setObject(6, day);
          ed.setString(7, topic);
          ed.setString(8, r.nextInt(10) == 0 ? "EXPIRED" : "VALID");
          ed.setString(9, body.toString());
          ed.setObject(10, day.atStartOfDay().atOffset(ZoneOffset.UTC));
          ed.setObject(11, now);
          ed.setObject(12, now);
          ed.addBatch();
          if (i % 1000 == 0) {
            doc.executeBatch();
            ed.executeBatch();
            c.commit();
          }
        }
        doc.executeBatch();
        ed.executeBatch();
        c.commit();
      }
    }
    print("generated %,d documents in %.1f s", count, (System.nanoTime() - started) / 1e9);
    return new Corpus(
        docNumbers,
        companies,
        agencies.stream().map(Agency::code).toList(),
        firstYear,
        moreDocNumbers,
        moreCompanies);
  }

  private Stats like(DataSource ds, List<Query> mix) throws Exception {
    // Each LIKE query scans the table, a minute at a million rows on H2: one query warms up, then
    // at least three are measured and more while the time budget lasts, at most 60.
    List<Long> times = new ArrayList<>();
    try (Connection c = ds.getConnection()) {
      likeOnce(c, mix.get(0));
      long started = System.nanoTime();
      long deadline = started + Math.max(60, seconds * 6) * 1_000_000_000L;
      int n = 0;
      for (Query q : mix.subList(1, mix.size())) {
        if (n >= 60 || (n >= 3 && System.nanoTime() > deadline)) {
          break;
        }
        long t = System.nanoTime();
        likeOnce(c, q);
        times.add(System.nanoTime() - t);
        n++;
      }
      return new Stats("database LIKE, 1 client", times, n / ((System.nanoTime() - started) / 1e9));
    }
  }

  private static void likeOnce(Connection c, Query q) throws Exception {
    List<String> words =
        Arrays.stream(q.text().replace("\"", "").split(" ")).filter(w -> !w.isBlank()).toList();
    StringBuilder where =
        new StringBuilder(
            " FROM edition e JOIN document d ON d.id = e.document_id"
                + " WHERE e.state = 'PUBLISHED'");
    for (int i = 0; i < words.size(); i++) {
      where.append(" AND (e.title LIKE ? OR e.body_html LIKE ? OR e.doc_number LIKE ?)");
    }
    if (q.agency() != null) {
      where.append(
          " AND d.agency_id = (SELECT id FROM agency WHERE code = ?) AND d.published_on BETWEEN ? AND ?");
    }
    for (String sql :
        List.of(
            "SELECT COUNT(*)" + where,
            "SELECT e.document_id, e.title"
                + where
                + " ORDER BY d.published_on DESC FETCH FIRST 10 ROWS ONLY")) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        int p = 1;
        for (String w : words) {
          for (int k = 0; k < 3; k++) {
            ps.setString(p++, "%" + w + "%");
          }
        }
        if (q.agency() != null) {
          ps.setString(p++, q.agency());
          ps.setObject(p++, LocalDate.of(q.year(), 1, 1));
          ps.setObject(p, LocalDate.of(q.year(), 12, 31));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            rs.getObject(1);
          }
        }
      }
    }
  }

  interface Call {
    void run(Query q) throws Exception;
  }

  /**
   * A phase's latencies, all and by kind; {@code allocatedKb} is what the JVM allocated per request
   * in it (NaN where not measured).
   */
  record Stats(
      String label,
      List<Long> nanos,
      double qps,
      double allocatedKb,
      Map<String, List<Long>> byKind) {
    Stats(String label, List<Long> nanos, double qps) {
      this(label, nanos, qps, Double.NaN, Map.of());
    }

    double p(int percentile) {
      List<Long> sorted = nanos.stream().sorted().toList();
      if (sorted.isEmpty()) {
        return Double.NaN;
      }
      int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
      return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index))) / 1e6;
    }

    /** The percentile of one kind's latencies. */
    double p(String kind, int percentile) {
      return new Stats(kind, byKind.getOrDefault(kind, List.of()), 0).p(percentile);
    }

    String kinds() {
      StringBuilder kinds = new StringBuilder();
      for (String kind : UniqueQueries.KINDS) {
        if (byKind.containsKey(kind)) {
          kinds.append(
              String.format(
                  Locale.ROOT,
                  "  %s p50 %.2f p99 %.2f (%d)",
                  kind,
                  p(kind, 50),
                  p(kind, 99),
                  byKind.get(kind).size()));
        }
      }
      return kinds.toString();
    }
  }

  /** The mix over and over for the phase's length, after warming up on it. */
  private Stats measure(String target, int clients, List<Query> mix, Call call) throws Exception {
    warmUp(target, clients, mix, call);
    return run(target, clients, mix, false, call);
  }

  /**
   * Each query of {@code stream} once, shared out among the clients, after warming up on the mix
   * (none of whose queries the stream holds); stops early only past three times the phase's length.
   */
  private Stats measureOnce(
      String target, int clients, List<Query> mix, List<Query> stream, Call call) throws Exception {
    warmUp(target, clients, mix, call);
    return run(target, clients, stream, true, call);
  }

  private Stats run(String target, int clients, List<Query> queries, boolean once, Call call)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Long> times = Collections.synchronizedList(new ArrayList<>());
    Map<String, List<Long>> byKind = new ConcurrentHashMap<>();
    AtomicInteger count = new AtomicInteger();
    AtomicInteger next = new AtomicInteger();
    long started = System.nanoTime();
    long deadline = started + (once ? 3L : 1L) * seconds * 1_000_000_000L;
    Allocation allocation = Allocation.start();
    List<Future<?>> futures = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int offset = c * 7;
      futures.add(
          pool.submit(
              () -> {
                int i = offset;
                while (System.nanoTime() < deadline) {
                  Query q;
                  if (once) {
                    int at = next.getAndIncrement();
                    if (at >= queries.size()) {
                      break;
                    }
                    q = queries.get(at);
                  } else {
                    q = queries.get(i++ % queries.size());
                  }
                  long t = System.nanoTime();
                  call.run(q);
                  long took = System.nanoTime() - t;
                  times.add(took);
                  byKind
                      .computeIfAbsent(
                          q.kind(), k -> Collections.synchronizedList(new ArrayList<>()))
                      .add(took);
                  count.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    double elapsed = (System.nanoTime() - started) / 1e9;
    Allocation.Delta allocated = allocation.until(count.get());
    String phase =
        target
            + (once ? " (each query once)" : "")
            + ", "
            + clients
            + " client"
            + (clients > 1 ? "s" : "");
    print("%s: %s", phase, allocation.describe(allocated, elapsed));
    Map<String, List<Long>> kinds = new LinkedHashMap<>();
    byKind.forEach((kind, nanos) -> kinds.put(kind, new ArrayList<>(nanos)));
    Stats stats =
        new Stats(
            (target.equals("http")
                    ? "HTTP API"
                    : target.equals("floor")
                        ? "HTTP, no search"
                        : target.equals("service")
                            ? "Search service"
                            : target.equals("raw") ? "raw Lucene" : "SearchIndex port")
                + (once ? ", once" : "")
                + ", "
                + clients
                + " client"
                + (clients > 1 ? "s" : ""),
            new ArrayList<>(times),
            count.get() / elapsed,
            allocated.kbPerRequest(),
            kinds);
    if ((clients == 1 || once) && !target.equals("floor")) {
      print("%s, by kind (p50 and p99 ms, queries):%s", phase, stats.kinds());
    }
    if (once && count.get() < queries.size()) {
      print("%s: the time ran out after %,d of %,d queries", phase, count.get(), queries.size());
    }
    return stats;
  }

  /**
   * What one phase allocated and collected, in the whole JVM (client, server and index share it):
   * the allocation per request drives how often the young generation is collected, and a request
   * that meets a collection waits for it.
   */
  record Allocation(long bytes, long collections, long collectedMillis) {
    static Allocation start() {
      long collections = 0;
      long millis = 0;
      for (java.lang.management.GarbageCollectorMXBean gc :
          ManagementFactory.getGarbageCollectorMXBeans()) {
        collections += Math.max(0, gc.getCollectionCount());
        millis += Math.max(0, gc.getCollectionTime());
      }
      return new Allocation(
          ((ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes(),
          collections,
          millis);
    }

    /** What was allocated and collected since this start, over {@code requests} requests. */
    Delta until(int requests) {
      Allocation now = start();
      return new Delta(
          Math.max(1, requests),
          now.bytes - bytes,
          now.collections - collections,
          now.collectedMillis - collectedMillis);
    }

    String describe(Delta d, double seconds) {
      return String.format(
          Locale.ROOT,
          "allocated %.0f KB a request, %.0f MB/s; %d collections (one per %d requests), %.1f ms each on average",
          d.kbPerRequest(),
          d.bytes() / 1e6 / seconds,
          d.collections(),
          d.requests() / Math.max(1, d.collections()),
          d.collectedMillis() / (double) Math.max(1, d.collections()));
    }

    record Delta(long requests, long bytes, long collections, long collectedMillis) {
      double kbPerRequest() {
        return bytes / 1024.0 / requests;
      }
    }
  }

  /**
   * The mix, over and over, right before measuring (idle index pages are evicted on these
   * machines), until the JIT compiler is quiet: at least once through and {@code benchmark.warmup}
   * seconds, then until a two-second window spent less than 5% of it compiling, at most a minute.
   * On two cores the compiler otherwise takes one of them through the first half-minute of a code
   * path's traffic (the HTTP stack's most of all), and the figures measure the warm-up.
   */
  private void warmUp(String target, int clients, List<Query> mix, Call call) throws Exception {
    java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    long start = System.nanoTime();
    long window = start;
    long compiledAtWindow = jit.getTotalCompilationTime();
    long min = warmupSeconds * 1_000_000_000L;
    int i = 0;
    while (true) {
      call.run(mix.get(i++ % mix.size()));
      long now = System.nanoTime();
      if (now - window >= 2_000_000_000L) {
        long compiled = jit.getTotalCompilationTime();
        boolean quiet = compiled - compiledAtWindow < 100;
        if ((quiet && now - start >= min && i >= mix.size()) || now - start >= 60_000_000_000L) {
          break;
        }
        window = now;
        compiledAtWindow = compiled;
      }
    }
    print(
        "%s, %d client%s: warmed up for %.0f s (%,d queries)",
        target, clients, clients > 1 ? "s" : "", (System.nanoTime() - start) / 1e9, i);
  }

  private static String url(int port, Query q) {
    StringBuilder url =
        new StringBuilder("http://localhost:" + port + "/api/v1/search?size=10&q=")
            .append(URLEncoder.encode(q.text(), StandardCharsets.UTF_8));
    if (q.agency() != null) {
      url.append("&agency=")
          .append(q.agency())
          .append("&from=")
          .append(q.year())
          .append("-01-01&to=")
          .append(q.year())
          .append("-12-31");
    }
    return url.toString();
  }

  private static void get(HttpClient http, String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
  }

  private static List<Agency> createAgencies(AgencyDirectory directory) {
    List<Agency> agencies = new ArrayList<>();
    String[] names = {"市人民政府", "市商务局", "市生态环境局", "市教育局", "市财政局"};
    for (String name : names) {
      AgencyForm form = new AgencyForm();
      form.setCode(TestCodes.agencyCode());
      form.setName("临江" + name);
      agencies.add(directory.create(form, "benchmark"));
    }
    return agencies;
  }

  private static void waitReady(SearchService search) throws InterruptedException {
    while (search.status().phase() != IndexStatus.Phase.READY) {
      Thread.sleep(200); // a harness waiting on a background job it started, not a test assertion
    }
  }

  private static void print(String format, Object... args) {
    System.out.println("[benchmark] " + String.format(format, args));
  }
}
