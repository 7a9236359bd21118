package org.gongkai.intake.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.gongkai.agency.Agency;
import org.gongkai.intake.Recognised;
import org.gongkai.intake.RecognisedDocument;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

/**
 * Recognises every document of intake/specs.tsv (written as DOCX or PDF by {@link SampleDocx} and
 * {@link SamplePdf}) and compares each field with what the spec says. Prints the table the README
 * quotes; number, title and date of writing must be right in 95% of the documents or more.
 */
class IntakeAccuracyTests {

  private final DocumentRecogniser intake = new DocumentRecogniser();

  static byte[] file(IntakeSpec spec) {
    return spec.format().equals("pdf") ? SamplePdf.write(spec) : SampleDocx.write(spec);
  }

  /** The agencies an editor may choose from: every organ of the specs, and some near names. */
  static List<Agency> agencies(List<IntakeSpec> specs) {
    List<String> names = new ArrayList<>();
    specs.forEach(
        s -> s.organs().stream().filter(o -> !o.endsWith("\u7eaa\u8981")).forEach(names::add));
    specs.forEach(s -> names.add(s.agency()));
    names.add("\u4e34\u6c82\u5e02\u4eba\u6c11\u653f\u5e9c\u529e\u516c\u5ba4");
    List<Agency> agencies = new ArrayList<>();
    names.stream()
        .distinct()
        .forEach(
            n ->
                agencies.add(
                    new Agency(
                        agencies.size() + 1,
                        "a" + agencies.size(),
                        n,
                        null,
                        0,
                        null,
                        null,
                        false,
                        false)));
    return agencies;
  }

  private record Check(
      String field,
      Function<RecognisedDocument, Object> read,
      BiPredicate<IntakeSpec, Object> right) {}

  private static Check check(
      String field,
      Function<RecognisedDocument, Recognised<?>> field2,
      Function<IntakeSpec, Object> truth) {
    return new Check(
        field,
        r -> field2.apply(r),
        (s, r) -> Objects.equals(truth.apply(s), ((Recognised<?>) r).value()));
  }

  private static final List<Check> CHECKS =
      List.of(
          check("docNumber", RecognisedDocument::docNumber, IntakeSpec::number),
          check("title", RecognisedDocument::title, IntakeSpec::title),
          check("writtenOn", RecognisedDocument::writtenOn, IntakeSpec::written),
          check("organs", RecognisedDocument::organs, s -> String.join("\u3001", s.organs())),
          new Check(
              "agency",
              RecognisedDocument::agency,
              (s, r) -> {
                Agency a = (Agency) ((Recognised<?>) r).value();
                return a != null && s.agency().equals(a.name());
              }),
          check("signer", RecognisedDocument::signer, IntakeSpec::signers),
          check("addressees", RecognisedDocument::addressees, IntakeSpec::addressees),
          new Check(
              "body",
              RecognisedDocument::body,
              (s, r) -> bodyHolds(s, (String) ((Recognised<?>) r).value())),
          check("attachmentNames", RecognisedDocument::attachmentNames, IntakeSpec::attachments),
          new Check(
              "attachmentsSplit",
              RecognisedDocument::attachments,
              (s, r) -> ((List<?>) r).size() == (s.appended() ? s.attachments().size() : 0)),
          check("notes", RecognisedDocument::notes, IntakeSpec::notes),
          check("copiesTo", RecognisedDocument::copiesTo, IntakeSpec::copies),
          check("printedBy", RecognisedDocument::printedBy, IntakeSpec::printedBy),
          check("printedOn", RecognisedDocument::printedOn, IntakeSpec::printed));

  private static boolean bodyHolds(IntakeSpec spec, String html) {
    return spec.body().stream()
        .allMatch(p -> html.contains("<p>" + HtmlUtils.htmlEscape(p, "UTF-8") + "</p>"));
  }

  @Test
  void recognisesTheFieldsOfTheTestSet() throws IOException {
    List<IntakeSpec> specs = IntakeSpec.all();
    List<Agency> agencies = agencies(specs);
    Map<String, int[]> tally = new LinkedHashMap<>();
    CHECKS.forEach(c -> tally.put(c.field(), new int[3]));
    List<String> misses = new ArrayList<>();
    for (IntakeSpec spec : specs) {
      RecognisedDocument r = intake.recognise(spec.fileName(), file(spec), agencies);
      for (Check check : CHECKS) {
        int[] t = tally.get(check.field());
        Object value = check.read().apply(r);
        t[1]++;
        if (value instanceof Recognised<?> f && f.confidence().needsConfirming()) {
          t[2]++;
        }
        if (check.right().test(spec, value)) {
          t[0]++;
        } else {
          misses.add(spec.fileName() + " " + check.field() + ": " + value);
        }
      }
    }
    StringBuilder table =
        new StringBuilder(
            "\n| field | right / total | % | marked MEDIUM or LOW |\n| --- | --- | --- | --- |\n");
    tally.forEach(
        (field, t) ->
            table.append(
                "| %s | %d / %d | %.1f | %d |%n"
                    .formatted(field, t[0], t[1], 100.0 * t[0] / t[1], t[2])));
    System.out.println(table);
    misses.forEach(System.out::println);
    assertThat(specs).hasSizeGreaterThanOrEqualTo(30);
    assertThat(specs.stream().filter(s -> s.format().equals("pdf")).count())
        .isGreaterThanOrEqualTo(12);
    for (String field : List.of("docNumber", "title", "writtenOn")) {
      int[] t = tally.get(field);
      assertThat(100.0 * t[0] / t[1]).as(field + " " + misses).isGreaterThanOrEqualTo(95.0);
    }
  }
}
