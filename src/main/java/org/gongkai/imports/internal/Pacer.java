package org.gongkai.imports.internal;

/**
 * The rate limit of one import: requests to the old site at most this many per second, so that an
 * agency's old server, often small, keeps serving its visitors while it is read.
 */
final class Pacer {

  private final long intervalNanos;
  private long next;

  Pacer(double perSecond) {
    this.intervalNanos = (long) (1_000_000_000L / perSecond);
    this.next = System.nanoTime();
  }

  void await() {
    long now = System.nanoTime();
    long wait = next - now;
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    next = Math.max(now, next) + intervalNanos;
  }
}
