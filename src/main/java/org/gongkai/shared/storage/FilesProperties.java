package org.gongkai.shared.storage;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import org.gongkai.shared.jobs.Cron;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.validation.annotation.Validated;

/**
 * Where stored files are kept, and the daily sweep of files that no record names.
 *
 * @param store 'folder': the data folder (a shared mount when several nodes run); 's3': a bucket of
 *     an S3-compatible object store.
 * @param s3 The object store, when 'store' is 's3'.
 * @param sweepCron When the daily sweep of stored files that no record names runs (six-field cron,
 *     in the platform's zone).
 * @param sweepGraceHours How old a file that no record names must be before the sweep removes it (a
 *     number is hours).
 */
@ConfigurationProperties("gongkai.files")
@Validated
public record FilesProperties(
    @DefaultValue("folder") @NotNull Store store,
    @DefaultValue @Valid S3 s3,
    @DefaultValue(FilesProperties.SWEEP_CRON) @Cron String sweepCron,
    @DefaultValue("24") @DurationUnit(ChronoUnit.HOURS) @NotNull Duration sweepGraceHours) {

  /** The sweep's default schedule; its job names it in a placeholder, which must be a constant. */
  static final String SWEEP_CRON = "0 40 3 * * *";

  /** Where the files are. */
  public enum Store {
    FOLDER,
    S3
  }

  /**
   * The object store.
   *
   * @param endpoint The store's address; unset for AWS itself.
   * @param region The region the bucket is in.
   * @param bucket The bucket, required with 'store=s3'.
   * @param accessKey The access key; unset, the AWS default credentials chain is asked.
   * @param secretKey The secret key that goes with the access key.
   * @param pathStyle Whether the bucket is addressed in the path rather than as a host name, as
   *     most S3-compatible stores want.
   * @param prefix A prefix for every key, to share a bucket.
   */
  public record S3(
      String endpoint,
      @DefaultValue("us-east-1") String region,
      String bucket,
      String accessKey,
      String secretKey,
      @DefaultValue("true") boolean pathStyle,
      @DefaultValue("") String prefix) {

    public S3 {
      region = region == null || region.isBlank() ? "us-east-1" : region;
      prefix = prefix == null ? "" : prefix;
    }
  }
}
