package org.gongkai.shared.storage;

import java.net.URI;
import java.time.Clock;
import org.gongkai.shared.web.PlainHttpCredentials;
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
class FileStoreConfiguration {

  static {
    // POI's zip-bomb limits, set before any OOXML is read anywhere in the platform.
    OfficeParts.limits();
  }

  @Bean
  FileStore fileStore(FilesProperties settings, DataDirectory data, Clock clock) {
    return switch (settings.store()) {
      case FOLDER -> new FolderFileStore(data, clock);
      case S3 ->
          new S3FileStore(
              client(settings.s3()), settings.s3().bucket(), settings.s3().prefix(), data);
    };
  }

  private static S3Client client(FilesProperties.S3 s3) {
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
      PlainHttpCredentials.warnIfExposed(
          "S3", s3.endpoint(), s3.accessKey() != null && !s3.accessKey().isBlank());
      builder.endpointOverride(URI.create(s3.endpoint()));
    }
    return builder.build();
  }
}
