package org.gongkai.shared;

import org.springframework.util.ClassUtils;

/**
 * The clients that only a cluster needs, kept out of the jar: the build puts each in a folder of
 * its own ({@code target/addons/<folder>}) that an installation adds to the class path ({@code
 * -Dloader.path=addons/opensearch,addons/s3}). The code that uses a client asks for its add-on
 * first, so that a setting choosing it without the folder stops the start with the folder's name
 * instead of a missing class.
 */
public enum AddOn {
  OPENSEARCH(
      "OpenSearch",
      "opensearch",
      "gongkai.search.engine=opensearch",
      "org.opensearch.client.opensearch.OpenSearchClient"),
  S3("S3", "s3", "gongkai.files.store=s3", "software.amazon.awssdk.services.s3.S3Client");

  private final String title;
  private final String folder;
  private final String setting;
  private final String probe;

  AddOn(String title, String folder, String setting, String probe) {
    this.title = title;
    this.folder = folder;
    this.setting = setting;
    this.probe = probe;
  }

  /** The add-on's folder beside the jar, as {@code loader.path} names it. */
  public String folder() {
    return "addons/" + folder;
  }

  /** The setting that needs this add-on. */
  public String setting() {
    return setting;
  }

  public String title() {
    return title;
  }

  /** Refuses, naming the folder to add, when the add-on's client is not on the class path. */
  public void require() {
    require(AddOn.class.getClassLoader());
  }

  void require(ClassLoader loader) {
    if (!ClassUtils.isPresent(probe, loader)) {
      throw new Missing(this);
    }
  }

  /** A setting chose a client whose add-on folder is not on the class path. */
  public static final class Missing extends IllegalStateException {

    private final AddOn addOn;

    Missing(AddOn addOn) {
      super(
          addOn.setting
              + " needs the "
              + addOn.title
              + " add-on, which is not on the class path: start with -Dloader.path="
              + addOn.folder()
              + " (the folder target/"
              + addOn.folder()
              + " of the build, beside the jar)");
      this.addOn = addOn;
    }

    public AddOn addOn() {
      return addOn;
    }
  }
}
