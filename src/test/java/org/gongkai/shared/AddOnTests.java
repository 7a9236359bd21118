package org.gongkai.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class AddOnTests {

  /** A class loader that sees the JDK alone, as the jar sees the world without its add-ons. */
  private static ClassLoader withoutAddOns() {
    return new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
  }

  @Test
  void aClientOnTheClassPathIsAccepted() {
    assertThatCode(AddOn.OPENSEARCH::require).doesNotThrowAnyException();
    assertThatCode(AddOn.S3::require).doesNotThrowAnyException();
  }

  @Test
  void aMissingClientStopsTheStartNamingTheSettingAndTheFolder() {
    assertThatThrownBy(() -> AddOn.OPENSEARCH.require(withoutAddOns()))
        .isInstanceOf(AddOn.Missing.class)
        .hasMessageContaining("gongkai.search.engine=opensearch")
        .hasMessageContaining("-Dloader.path=addons/opensearch");
    assertThatThrownBy(() -> AddOn.S3.require(withoutAddOns()))
        .isInstanceOf(AddOn.Missing.class)
        .hasMessageContaining("gongkai.files.store=s3")
        .hasMessageContaining("-Dloader.path=addons/s3");
  }

  @Test
  void theStartUpReportSaysWhichFolderToAdd() {
    AddOn.Missing missing = (AddOn.Missing) catchMissing(() -> AddOn.S3.require(withoutAddOns()));
    FailureAnalysis analysis = new AddOnFailureAnalyzer().analyze(missing);
    assertThat(analysis.getDescription()).contains("gongkai.files.store=s3", "S3 add-on");
    assertThat(analysis.getAction())
        .contains("addons/s3", "-Dloader.path=addons/s3", "-cp gongkai.jar:addons/s3/*");
  }

  private static Throwable catchMissing(Runnable action) {
    try {
      action.run();
    } catch (AddOn.Missing e) {
      return e;
    }
    throw new AssertionError("no add-on was missing");
  }
}
