package org.gongkai.shared.durability;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit: every caller whose write has completed waits until one force to disk that started
 * after it has finished. Callers arriving while a force runs share the next one, so eight
 * concurrent commits cost one or two forces, not eight.
 */
final class GroupSync {

  /** Forces everything written so far to stable storage. */
  @FunctionalInterface
  interface Force {
    void run() throws Exception;
  }

  private final AtomicLong completedWrites = new AtomicLong();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition forced = lock.newCondition();
  private long durableUpTo;
  private boolean forcing;
  private long forces;

  /**
   * Returns once the caller's completed write is on disk; {@code force} is run by one waiter at a
   * time.
   */
  void awaitDurable(Force force) throws Exception {
    long ticket = completedWrites.incrementAndGet();
    lock.lock();
    try {
      while (durableUpTo < ticket) {
        if (forcing) {
          forced.await(1, TimeUnit.SECONDS);
          continue;
        }
        forcing = true;
        long target = completedWrites.get();
        lock.unlock();
        boolean done = false;
        try {
          force.run();
          done = true;
        } finally {
          lock.lock();
          forcing = false;
          if (done) {
            durableUpTo = Math.max(durableUpTo, target);
            forces++;
          }
          forced.signalAll();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  long writes() {
    return completedWrites.get();
  }

  long forces() {
    lock.lock();
    try {
      return forces;
    } finally {
      lock.unlock();
    }
  }
}
