package org.gongkai.shared.storage;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.gongkai.shared.web.PlainHttpCredentials;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Files in a bucket of an S3-compatible object store (MinIO, Ceph, the clouds' object storage),
 * under {@code <prefix><area>/ab/cd/<sha-256>}, shared by every node. An upload is checked in the
 * node's own staging folder and put whole: a put that returned is durable in the store, before the
 * record naming the file commits.
 */
final class S3FileStore implements FileStore {

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final DataDirectory data;

  S3FileStore(S3Client s3, String bucket, String prefix, DataDirectory data) {
    this.s3 = s3;
    this.bucket = bucket;
    this.prefix = prefix == null ? "" : prefix;
    this.data = data;
  }

  static S3FileStore connect(FilesProperties.S3 s3, DataDirectory data) {
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
    return new S3FileStore(builder.build(), s3.bucket(), s3.prefix(), data);
  }

  private String key(String area, String sha256) {
    if (!FileStore.isContentName(sha256)) {
      throw new IllegalArgumentException("not a sha-256: " + sha256);
    }
    return prefix
        + area
        + "/"
        + sha256.substring(0, 2)
        + "/"
        + sha256.substring(2, 4)
        + "/"
        + sha256;
  }

  @Override
  public Path staging(String area) {
    return data.folder("staging-" + area);
  }

  @Override
  public void put(String area, String sha256, Path staged) throws IOException {
    // Content-addressed: writing the same bytes again is harmless, and renews the object's time.
    try {
      s3.putObject(b -> b.bucket(bucket).key(key(area, sha256)), RequestBody.fromFile(staged));
    } catch (S3Exception e) {
      throw new IOException("the object store refused " + sha256 + ": " + e.getMessage(), e);
    }
  }

  @Override
  public InputStream open(String area, String sha256) throws IOException {
    try {
      return s3.getObject(b -> b.bucket(bucket).key(key(area, sha256)));
    } catch (NoSuchKeyException e) {
      throw new NoSuchFileException(sha256);
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        throw new NoSuchFileException(sha256);
      }
      throw new IOException("the object store did not give " + sha256 + ": " + e.getMessage(), e);
    }
  }

  @Override
  public boolean exists(String area, String sha256) {
    return lastModified(key(area, sha256)) != null;
  }

  private Instant lastModified(String key) {
    try {
      return s3.headObject(b -> b.bucket(bucket).key(key)).lastModified();
    } catch (NoSuchKeyException e) {
      return null;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  @Override
  public void replace(String area, String sha256, byte[] content) throws IOException {
    if (!exists(area, sha256)) {
      throw new IllegalStateException("no file " + sha256);
    }
    try {
      s3.putObject(b -> b.bucket(bucket).key(key(area, sha256)), RequestBody.fromBytes(content));
    } catch (S3Exception e) {
      throw new IOException("the object store refused " + sha256 + ": " + e.getMessage(), e);
    }
  }

  @Override
  public int sweep(String area, Predicate<String> referenced, Instant cutoff) throws IOException {
    int removed = 0;
    try (Stream<Path> staged = Files.list(staging(area))) {
      for (Path file : (Iterable<Path>) staged::iterator) {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(cutoff)
            && Files.deleteIfExists(file)) {
          removed++;
        }
      }
    }
    String areaPrefix = prefix + area + "/";
    for (S3Object object :
        s3.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(areaPrefix)).contents()) {
      String name = object.key().substring(object.key().lastIndexOf('/') + 1);
      if (!FileStore.isContentName(name)
          || referenced.test(name)
          || !object.lastModified().isBefore(cutoff)) {
        continue;
      }
      // Asked again just before removing: the same content may have been uploaded since the
      // listing.
      Instant now = lastModified(object.key());
      if (now != null && now.isBefore(cutoff) && !referenced.test(name)) {
        s3.deleteObject(b -> b.bucket(bucket).key(object.key()));
        removed++;
      }
    }
    return removed;
  }
}
