package org.gongkai.shared.storage;

import java.net.URI;
import java.time.Clock;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Chooses where stored files are kept ({@code gongkai.files.store}): {@code folder}, the data
 * folder (a shared mount when several nodes run), or {@code s3}, an S3-compatible object store.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(FileStoreConfiguration.Settings.class)
class FileStoreConfiguration {

  @Bean
  FileStore fileStore(Settings settings, DataDirectory data, Clock clock) {
    return switch (settings.store()) {
      case "folder" -> new FolderFileStore(data, clock);
      case "s3" ->
          new S3FileStore(
              client(settings.s3()), settings.s3().bucket(), settings.s3().prefix(), data);
      default ->
          throw new IllegalStateException(
              "gongkai.files.store must be folder or s3, not " + settings.store());
    };
  }

  private static S3Client client(S3 s3) {
    if (s3.bucket() == null || s3.bucket().isBlank()) {
      throw new IllegalStateException(
          "gongkai.files.s3.bucket is required with gongkai.files.store=s3");
    }
    var builder =
        S3Client.builder()
            .httpClientBuilder(UrlConnectionHttpClient.builder())
            .region(Region.of(s3.region()))
            .forcePathStyle(s3.pathStyle())
            .credentialsProvider(
                s3.accessKey() == null || s3.accessKey().isBlank()
                    ? DefaultCredentialsProvider.builder().build()
                    : StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())));
    if (s3.endpoint() != null && !s3.endpoint().isBlank()) {
      builder.endpointOverride(URI.create(s3.endpoint()));
    }
    return builder.build();
  }

  @ConfigurationProperties("gongkai.files")
  record Settings(String store, S3 s3) {
    Settings {
      store = store == null || store.isBlank() ? "folder" : store;
      s3 = s3 == null ? new S3(null, null, null, null, null, null, null) : s3;
    }
  }

  /**
   * The object store: its address (none for AWS itself), region, bucket, credentials and key
   * prefix.
   */
  record S3(
      String endpoint,
      String region,
      String bucket,
      String accessKey,
      String secretKey,
      Boolean pathStyle,
      String prefix) {
    S3 {
      region = region == null || region.isBlank() ? "us-east-1" : region;
      pathStyle = pathStyle == null || pathStyle;
      prefix = prefix == null ? "" : prefix;
    }
  }
}
