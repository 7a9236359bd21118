package org.gongkai.shared.privacy;

import jakarta.validation.constraints.Min;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The keys that encrypt personal data at rest, and how long personal data is kept.
 *
 * @param keys The keys as 'id:base64' entries separated by commas or spaces, the first the current
 *     one (an environment variable in production); unset, the key file is used.
 * @param keyFile The file that holds the keys when 'keys' is unset, made on the first start (by
 *     default '~/.gongkai/privacy.keys'); it must lie outside the data folder and be backed up
 *     separately.
 * @param retainYears Personal data of requests, messages and comments concluded longer ago than
 *     this many years is purged in the daily run.
 */
@ConfigurationProperties("gongkai.privacy")
@Validated
public record PrivacyProperties(
    String keys, Path keyFile, @DefaultValue("5") @Min(1) int retainYears) {

  public PrivacyProperties {
    keys = keys == null ? "" : keys;
    // The user's home is known only when the platform runs, so the default cannot be a constant.
    keyFile =
        keyFile == null
            ? Path.of(System.getProperty("user.home"), ".gongkai", "privacy.keys")
            : keyFile;
  }
}
