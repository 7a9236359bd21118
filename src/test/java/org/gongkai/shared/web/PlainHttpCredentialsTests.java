package org.gongkai.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainHttpCredentialsTests {

  @Test
  void credentialsOverPlainHttpToAnotherMachineAreFlagged() {
    assertThat(PlainHttpCredentials.warnIfExposed("S3", "http://minio.internal:9000", true))
        .isTrue();
    assertThat(PlainHttpCredentials.warnIfExposed("OpenSearch", "http://10.0.0.7:9200", true))
        .isTrue();
  }

  @Test
  void httpsLoopbackOrNoCredentialsAreNot() {
    assertThat(PlainHttpCredentials.warnIfExposed("S3", "https://oss.example.cn", true)).isFalse();
    assertThat(PlainHttpCredentials.warnIfExposed("S3", "http://127.0.0.1:9000", true)).isFalse();
    assertThat(PlainHttpCredentials.warnIfExposed("S3", "http://localhost:9000", true)).isFalse();
    assertThat(PlainHttpCredentials.warnIfExposed("S3", "http://[::1]:9000", true)).isFalse();
    assertThat(PlainHttpCredentials.warnIfExposed("S3", "http://minio.internal:9000", false))
        .isFalse();
  }
}
