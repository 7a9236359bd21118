package org.gongkai.intake.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * One line of intake/specs.tsv: a signed document as its writer meant it, from which the test
 * writes the DOCX or PDF and against which it checks what the intake recognises. {@code quirks} are
 * the ways a hand-made layout strays from the standard: {@code title-left} (the title typed as a
 * body line), {@code date-centred}, {@code mark-beside} (文件 beside the stacked organs of a joint
 * mark, in a table in Word), {@code sig-date-one-paragraph} (signature and date broken by hand in
 * one paragraph), {@code tab-colophon} (the printing line set with a tab).
 */
record IntakeSpec(
    String id,
    String format,
    String layout,
    List<String> prelude,
    List<String> organs,
    String numberAsWritten,
    String signer,
    List<String> titleLines,
    String addressees,
    List<String> body,
    List<String> attachments,
    boolean appended,
    boolean chineseDate,
    LocalDate written,
    String notes,
    String copies,
    String printedBy,
    LocalDate printed,
    String agency,
    Set<String> quirks) {

  static List<IntakeSpec> all() throws IOException {
    List<IntakeSpec> specs = new ArrayList<>();
    try (InputStream in = IntakeSpec.class.getResourceAsStream("/intake/specs.tsv")) {
      for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (row.isBlank() || row.startsWith("#")) {
          continue;
        }
        String[] c = row.split("\t", -1);
        specs.add(
            new IntakeSpec(
                c[0],
                c[1],
                c[2],
                list(c[3]),
                list(c[4]),
                c[5],
                value(c[6]),
                list(c[7]),
                value(c[8]),
                list(c[9]),
                list(c[10]),
                c[11].equals("y"),
                c[12].equals("c"),
                LocalDate.parse(c[13]),
                value(c[14]),
                value(c[15]),
                value(c[16]),
                value(c[17]) == null ? null : LocalDate.parse(c[17]),
                c[18].strip(),
                c.length > 19 ? Set.copyOf(list(c[19])) : Set.of()));
      }
    }
    return specs;
  }

  String fileName() {
    return "sample-" + id + "." + format;
  }

  /** The number as the catalog keeps it: no spaces, the year in 〔〕. */
  String number() {
    return numberAsWritten
        .replaceAll("\\s+", "")
        .replaceAll("[\\[［（(【]", "\u3014")
        .replaceAll("[\\]］）)】]", "\u3015");
  }

  String title() {
    return String.join("", titleLines);
  }

  String signers() {
    return signer == null ? null : String.join("\u3001", signer.split("\\s+"));
  }

  private static String value(String cell) {
    return cell.isBlank() || cell.equals("-") ? null : cell.strip();
  }

  private static List<String> list(String cell) {
    return value(cell) == null ? List.of() : Arrays.asList(cell.strip().split("\\|"));
  }

  /** The same document issued by another organ, named in the mark and the signature. */
  IntakeSpec issuedBy(String organ) {
    return new IntakeSpec(
        id,
        format,
        layout,
        prelude,
        List.of(organ),
        numberAsWritten,
        signer,
        titleLines,
        addressees,
        body,
        attachments,
        appended,
        chineseDate,
        written,
        notes,
        copies,
        printedBy,
        printed,
        organ,
        quirks);
  }

  static IntakeSpec byId(String id) throws IOException {
    return all().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
  }
}
