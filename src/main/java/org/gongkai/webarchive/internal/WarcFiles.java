package org.gongkai.webarchive.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.netpreserve.jwarc.cdx.CdxFormat;

/**
 * Exchanges written as WARC 1.1 (ISO 28500) records, each record a gzip member of its own: every
 * file opens with a {@code warcinfo} record, then a {@code request} and a {@code response} record
 * per address, named by the site's public address. A file is closed and handed on once it has grown
 * past the size given; at the end come the CDX index of all files (CDX 11 fields, sorted as pywb
 * and wayback expect) and the manifest that names every file with its size and SHA-256.
 */
final class WarcFiles implements Closeable {

  /** Where a finished file goes: kept somewhere, its content named by SHA-256. */
  @FunctionalInterface
  interface Sink {
    Kept keep(String name, String mediaType, Path file) throws IOException;
  }

  /** Makes a new empty file to write into. */
  @FunctionalInterface
  interface NewFile {
    Path create() throws IOException;
  }

  /** A file handed on. */
  record Kept(String name, String kind, String sha256, long size) {}

  static final String WARC_TYPE = "application/warc";

  private final String prefix;
  private final long maxBytes;
  private final Map<String, List<String>> info;
  private final NewFile newFile;
  private final Sink sink;
  private final List<String> cdx = new ArrayList<>();
  private final List<Kept> kept = new ArrayList<>();
  private Path path;
  private String name;
  private FileChannel channel;
  private WarcWriter writer;
  private URI warcinfoId;
  private int sequence;
  private long bytes;

  WarcFiles(
      String prefix, long maxBytes, Map<String, List<String>> info, NewFile newFile, Sink sink) {
    this.prefix = prefix;
    this.maxBytes = maxBytes;
    this.info = info;
    this.newFile = newFile;
    this.sink = sink;
  }

  /** The target URI a WARC names an address by: the site's public origin and the address. */
  static URI target(String origin, String address) throws IOException {
    try {
      return URI.create(new URI(origin + address).toASCIIString());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IOException("not an address: " + address, e);
    }
  }

  /** Writes the request and the response of one exchange under {@code target}. */
  void write(HttpCapture.Exchange exchange, URI target) throws IOException {
    if (writer == null) {
      open();
    }
    URI requestId = newId();
    WarcRequest request =
        new WarcRequest.Builder(target)
            .version(MessageVersion.WARC_1_1)
            .recordId(requestId)
            .date(exchange.date())
            .warcinfoId(warcinfoId)
            .ipAddress(exchange.ip())
            .blockDigest(sha1(exchange.request(), 0, exchange.request().length))
            .body(MediaType.HTTP_REQUEST, exchange.request())
            .build();
    URI responseId = newId();
    WarcDigest payload =
        sha1(exchange.response(), exchange.headerLength(), exchange.payloadLength());
    WarcDigest block = sha1(exchange.response(), 0, exchange.response().length);
    long offset = writer.position();
    writer.write(response(exchange, target, responseId, requestId, payload, block));
    long length = writer.position() - offset;
    writer.write(request);
    // Formatting reads the record's HTTP head, so a fresh copy is formatted: the written one's
    // body has been consumed.
    cdx.add(
        CdxFormat.CDX11.format(
            response(exchange, target, responseId, requestId, payload, block),
            name,
            offset,
            length));
    bytes += exchange.response().length;
    if (writer.position() >= maxBytes) {
      finishFile();
    }
  }

  private WarcResponse response(
      HttpCapture.Exchange exchange,
      URI target,
      URI id,
      URI requestId,
      WarcDigest payload,
      WarcDigest block) {
    return new WarcResponse.Builder(target)
        .version(MessageVersion.WARC_1_1)
        .recordId(id)
        .date(exchange.date())
        .warcinfoId(warcinfoId)
        .concurrentTo(requestId)
        .ipAddress(exchange.ip())
        .blockDigest(block)
        .payloadDigest(payload)
        .body(MediaType.HTTP_RESPONSE, exchange.response())
        .build();
  }

  /** The HTTP bytes recorded so far. */
  long bytes() {
    return bytes;
  }

  /**
   * Closes the last WARC file, then writes the CDX index and the manifest; returns every file kept,
   * in order.
   */
  List<Kept> finish(java.util.function.Function<List<Kept>, String> manifestOf) throws IOException {
    finishFile();
    cdx.sort(
        (a, b) ->
            Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
    Path index = newFile.create();
    try (Writer out = Files.newBufferedWriter(index, StandardCharsets.UTF_8)) {
      out.write(CdxFormat.CDX11_LEGEND);
      out.write('\n');
      for (String line : cdx) {
        out.write(line);
        out.write('\n');
      }
    }
    kept.add(sink.keep(prefix + ".cdx", "text/plain; charset=UTF-8", index));
    Path manifest = newFile.create();
    Files.writeString(manifest, manifestOf.apply(List.copyOf(kept)), StandardCharsets.UTF_8);
    kept.add(sink.keep(prefix + "-manifest.json", "application/json", manifest));
    return List.copyOf(kept);
  }

  int cdxLines() {
    return cdx.size();
  }

  private void open() throws IOException {
    name = String.format("%s-%05d.warc.gz", prefix, sequence++);
    path = newFile.create();
    channel =
        FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    writer = new WarcWriter(channel, WarcCompression.GZIP);
    Map<String, List<String>> fields = new LinkedHashMap<>(info);
    Warcinfo warcinfo =
        new Warcinfo.Builder()
            .version(MessageVersion.WARC_1_1)
            .recordId(newId())
            .filename(name)
            .fields(fields)
            .build();
    warcinfoId = warcinfo.id();
    writer.write(warcinfo);
  }

  private void finishFile() throws IOException {
    if (writer == null) {
      return;
    }
    channel.force(true);
    writer.close();
    writer = null;
    kept.add(sink.keep(name, WARC_TYPE, path));
  }

  @Override
  public void close() throws IOException {
    if (writer != null) {
      writer.close();
      writer = null;
    }
  }

  private static URI newId() {
    return URI.create("urn:uuid:" + UUID.randomUUID());
  }

  private static WarcDigest sha1(byte[] bytes, int offset, int length) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      digest.update(bytes, offset, length);
      return new WarcDigest(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
