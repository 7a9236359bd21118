package org.gongkai.shared.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;

/**
 * Takes out of a PDF what runs when it is opened: the document's open action and JavaScript,
 * embedded files, XFA forms, and on every page, annotation and form field the actions that run
 * scripts, launch programs or send data. Links to web pages and within the document stay. Used for
 * files the public uploads; staff files are kept byte for byte, as a signed official PDF must be.
 */
final class PdfActiveContent {

  /** Action types that run code or send data; URI and GoTo links are harmless and stay. */
  private static final Set<String> ACTIVE_ACTIONS =
      Set.of(
          "JavaScript",
          "Launch",
          "SubmitForm",
          "ImportData",
          "ResetForm",
          "RichMediaExecute",
          "GoToE",
          "Rendition",
          "Sound",
          "Movie",
          "Hide",
          "SetOCGState",
          "Trans");

  enum Result {
    CLEAN,
    DISARMED,
    UNREADABLE,
    /** Over the size or page limits. */
    TOO_LARGE,
    /** Every worker busy and the queue full: try again later. */
    BUSY
  }

  /** A public PDF larger than this is not parsed at all. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  static final int MAX_PAGES = 5_000;
  static final Duration TIME_LIMIT = Duration.ofSeconds(60);

  /**
   * PDFs are parsed by two workers with a short queue, so a crowd of uploads cannot take every
   * request thread and the memory with it; parsing buffers in temporary files, not on the heap.
   */
  private static final ExecutorService WORKERS =
      new ThreadPoolExecutor(
          2,
          2,
          0,
          TimeUnit.SECONDS,
          new ArrayBlockingQueue<>(8),
          runnable -> {
            Thread thread = new Thread(runnable, "pdf-disarm");
            thread.setDaemon(true);
            return thread;
          });

  private PdfActiveContent() {}

  /**
   * Rewrites {@code file} in place (through a forced temporary file) when it held active content.
   */
  static Result disarm(Path file) {
    return disarm(file, MAX_BYTES, MAX_PAGES, TIME_LIMIT);
  }

  static Result disarm(Path file, long maxBytes, int maxPages, Duration timeLimit) {
    try {
      if (Files.size(file) > maxBytes) {
        return Result.TOO_LARGE;
      }
    } catch (IOException e) {
      return Result.UNREADABLE;
    }
    Future<Result> work;
    try {
      work = WORKERS.submit(() -> disarmNow(file, maxPages));
    } catch (RejectedExecutionException busy) {
      return Result.BUSY;
    }
    try {
      return work.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException slow) {
      work.cancel(true);
      return Result.TOO_LARGE;
    } catch (InterruptedException e) {
      work.cancel(true);
      Thread.currentThread().interrupt();
      return Result.UNREADABLE;
    } catch (ExecutionException e) {
      return Result.UNREADABLE;
    }
  }

  private static Result disarmNow(Path file, int maxPages) {
    boolean changed;
    try (PDDocument pdf =
        Loader.loadPDF(
            new RandomAccessReadBufferedFile(file.toFile()),
            "",
            null,
            null,
            IOUtils.createTempFileOnlyStreamCache())) {
      if (pdf.isEncrypted()) {
        return Result.UNREADABLE;
      }
      if (pdf.getNumberOfPages() > maxPages) {
        return Result.TOO_LARGE;
      }
      changed = disarm(pdf);
      if (changed) {
        Path rewritten = file.resolveSibling(file.getFileName() + ".disarmed");
        try {
          try (OutputStream out = Files.newOutputStream(rewritten)) {
            pdf.save(out);
          }
          try (FileChannel channel = FileChannel.open(rewritten, StandardOpenOption.WRITE)) {
            channel.force(true);
          }
          Files.move(
              rewritten, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
          Files.deleteIfExists(rewritten);
        }
      }
    } catch (IOException | RuntimeException e) {
      return Result.UNREADABLE;
    }
    return changed ? Result.DISARMED : Result.CLEAN;
  }

  private static boolean disarm(PDDocument pdf) throws IOException {
    COSDictionary catalog = pdf.getDocumentCatalog().getCOSObject();
    boolean changed = remove(catalog, COSName.OPEN_ACTION) | remove(catalog, COSName.AA);
    if (catalog.getDictionaryObject(COSName.NAMES) instanceof COSDictionary names) {
      changed |= remove(names, COSName.JAVA_SCRIPT) | remove(names, COSName.EMBEDDED_FILES);
    }
    PDAcroForm form = pdf.getDocumentCatalog().getAcroForm(null);
    if (form != null) {
      changed |= remove(form.getCOSObject(), COSName.XFA);
      for (PDField field : form.getFieldTree()) {
        changed |=
            remove(field.getCOSObject(), COSName.AA) | removeActiveAction(field.getCOSObject());
      }
    }
    for (PDPage page : pdf.getPages()) {
      changed |= remove(page.getCOSObject(), COSName.AA);
      for (PDAnnotation annotation : page.getAnnotations()) {
        COSDictionary a = annotation.getCOSObject();
        changed |= remove(a, COSName.AA) | removeActiveAction(a);
        if ("FileAttachment".equals(annotation.getSubtype())) {
          changed |= remove(a, COSName.FS);
        }
      }
    }
    return changed;
  }

  private static boolean removeActiveAction(COSDictionary owner) {
    COSBase action = owner.getDictionaryObject(COSName.A);
    if (action instanceof COSDictionary dict
        && ACTIVE_ACTIONS.contains(dict.getNameAsString(COSName.S))) {
      owner.removeItem(COSName.A);
      return true;
    }
    return false;
  }

  private static boolean remove(COSDictionary dictionary, COSName key) {
    if (dictionary.containsKey(key)) {
      dictionary.removeItem(key);
      return true;
    }
    return false;
  }
}
