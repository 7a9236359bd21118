package org.gongkai.consultation.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongkai.account.Staff;
import org.gongkai.audit.AuditTrail;
import org.gongkai.consultation.internal.ConsultationViews.Comment;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consultation's comments as a spreadsheet for the agency's staff, headed in Chinese; each export
 * is audited.
 */
@Component
class CommentExport {

  private static final String[] HEADS = {
    "id",
    "paragraph",
    "name",
    "contact",
    "body",
    "state",
    "moderation",
    "adoption",
    "reason",
    "submitted"
  };

  private final ConsultationReader reader;
  private final MessageSource messages;
  private final AuditTrail audit;
  private final TransactionTemplate transactions;

  CommentExport(
      ConsultationReader reader,
      MessageSource messages,
      AuditTrail audit,
      TransactionTemplate transactions) {
    this.reader = reader;
    this.messages = messages;
    this.audit = audit;
    this.transactions = transactions;
  }

  byte[] export(long id, Staff actor) {
    ConsultationViews.Consultation c = reader.get(id, true);
    Locale locale = Locale.SIMPLIFIED_CHINESE;
    try (XSSFWorkbook book = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      Sheet sheet = book.createSheet("comments");
      write(
          sheet.createRow(0),
          Arrays.stream(HEADS)
              .map(h -> messages.getMessage("consultation.export." + h, null, h, locale))
              .toArray());
      int r = 1;
      for (Comment m : c.comments()) {
        write(
            sheet.createRow(r++),
            new Object[] {
              m.id(),
              m.paragraph(),
              m.authorName(),
              m.contact(),
              m.body(),
              messages.getMessage("consultation.comment.state." + m.state(), null, locale),
              m.moderationReason(),
              m.adoption() == null
                  ? null
                  : messages.getMessage("consultation.adoption." + m.adoption(), null, locale),
              m.adoptionReason(),
              m.submittedAt().toString()
            });
      }
      book.write(out);
      transactions.executeWithoutResult(
          tx -> audit.record(actor.username(), "consultation.exported", "consultation", id, null));
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void write(Row row, Object[] values) {
    for (int c = 0; c < values.length; c++) {
      Object v = values[c];
      if (v instanceof Number n) {
        row.createCell(c).setCellValue(n.doubleValue());
      } else if (v != null) {
        row.createCell(c).setCellValue(v.toString());
      }
    }
  }
}
