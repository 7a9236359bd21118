package org.gongkai.shared.execution;

/**
 * The names of the platform's thread pools, for {@code @Async(PlatformExecutors.INDEXING)} and
 * {@code @Qualifier}. A listener or job says which pool it runs on; the pools are made and sized in
 * one place ({@link PlatformExecution}, {@link ExecutorSettings}).
 */
public final class PlatformExecutors {

  /** The default for {@code @Async} and {@code @ApplicationModuleListener} without a name. */
  public static final String EVENTS = "eventsExecutor";

  /** The search index's listeners. */
  public static final String INDEXING = "indexingExecutor";

  /** The static export. */
  public static final String EXPORT = "exportExecutor";

  /** Mail to the public. */
  public static final String MAIL = "mailExecutor";

  private PlatformExecutors() {}
}
