package org.gongkai.search.internal;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.gongkai.search.IndexedDocument;

/** How a rebuild and a catch-up write many documents into a Lucene index. */
final class ParallelWriting {

  private ParallelWriting() {}

  private static void awaitUninterruptibly(
      ExecutorService workers, AtomicReference<Exception> failure) {
    boolean interrupted = false;
    while (true) {
      try {
        workers.awaitTermination(1, TimeUnit.DAYS);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
        failure.compareAndSet(null, e);
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  interface Write {
    void write(IndexedDocument document) throws IOException;
  }

  /**
   * Analysis is the cost of indexing: documents are read on the calling thread (the database reads,
   * a batch at a time) and analysed and written on two others. The writers are never interrupted
   * (an interrupted write closes the index's files): after a failure, or when the caller is
   * interrupted, what is queued is skipped.
   */
  static void write(Iterable<IndexedDocument> documents, Write write) throws IOException {
    ExecutorService workers = Executors.newFixedThreadPool(2);
    Semaphore inFlight = new Semaphore(2_000);
    AtomicReference<Exception> failure = new AtomicReference<>();
    try {
      for (IndexedDocument d : documents) {
        if (failure.get() != null) {
          break;
        }
        inFlight.acquire();
        workers.execute(
            () -> {
              try {
                if (failure.get() == null) {
                  write.write(d);
                }
              } catch (IOException | RuntimeException e) {
                failure.compareAndSet(null, e);
              } finally {
                inFlight.release();
              }
            });
      }
    } catch (InterruptedException e) {
      failure.compareAndSet(null, e);
      Thread.currentThread().interrupt();
    } finally {
      workers.shutdown();
      awaitUninterruptibly(workers, failure);
    }
    if (failure.get() != null) {
      throw new IOException("indexing failed", failure.get());
    }
  }
}
