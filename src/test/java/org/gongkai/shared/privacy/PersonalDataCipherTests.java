package org.gongkai.shared.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataCipherTests {

  private static final String A = Base64.getEncoder().encodeToString(new byte[32]);
  private static final String B =
      Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

  @TempDir Path dir;

  private PersonalDataCipher cipher(String keys) {
    return new PersonalDataCipher(
        keys.contains("lookup=") ? keys : "lookup=" + B + "," + keys,
        dir.resolve("keys").toString(),
        dir.resolve("data").toString());
  }

  @Test
  void withoutALookupKeyNothingStartsInsteadOfFallingBackToASealingKey() {
    assertThatThrownBy(
            () ->
                new PersonalDataCipher(
                    "a=" + A + ",b=" + B,
                    dir.resolve("keys").toString(),
                    dir.resolve("data").toString()))
        .hasMessageContaining("names no lookup key")
        .hasMessageContaining("lookup=<the same base64 as 'a'>");
    PersonalDataCipher named = cipher("lookup=" + A + ",a=" + A + ",b=" + B);
    PersonalDataCipher afterRotation = cipher("lookup=" + A + ",b=" + B);
    assertThat(afterRotation.lookupHash("11010519491231002X"))
        .as("removing the old sealing key leaves the lookup hashes as they were")
        .isEqualTo(named.lookupHash("11010519491231002X"));
  }

  @Test
  void aSealedValueOpensForItsOwnFieldOnly() {
    PersonalDataCipher cipher = cipher("a=" + A);
    String sealed = cipher.seal("foi_request.id_number", 7, "11010519491231002X");
    assertThat(sealed).startsWith("enr:a:").doesNotContain("11010519491231002X");
    assertThat(cipher.seal("foi_request.id_number", 7, "11010519491231002X"))
        .as("a fresh nonce each time")
        .isNotEqualTo(sealed);
    assertThat(cipher.open("foi_request.id_number", 7, sealed)).isEqualTo("11010519491231002X");
    assertThatThrownBy(() -> cipher.open("foi_request.phone", 7, sealed))
        .hasMessageContaining("does not open");
    assertThatThrownBy(() -> cipher.open("foi_request.id_number", 8, sealed))
        .as("copied into another row (someone else's request), it does not open")
        .hasMessageContaining("does not open");
    String tampered = flipLastByte(sealed);
    assertThatThrownBy(() -> cipher.open("foi_request.id_number", 7, tampered))
        .isInstanceOf(IllegalStateException.class);
    assertThat(cipher.open("foi_request.phone", 7, "13800000000"))
        .as("a value from before encryption reads as it is")
        .isEqualTo("13800000000");
    assertThat(cipher.seal("x", 7, null)).isNull();
  }

  /**
   * Flips bits of the authentication tag's last byte: base64 text edits can leave the bytes
   * unchanged.
   */
  private static String flipLastByte(String sealed) {
    int colon = sealed.lastIndexOf(':');
    byte[] bytes = Base64.getDecoder().decode(sealed.substring(colon + 1));
    bytes[bytes.length - 1] ^= 0x5a;
    return sealed.substring(0, colon + 1)
        + Base64.getEncoder().withoutPadding().encodeToString(bytes);
  }

  @Test
  void anOldKeyStillOpensAfterRotationAndTheNewOneSeals() {
    String underA = cipher("a=" + A).seal("f", 1, "13800000000");
    PersonalDataCipher rotated = cipher("a=" + A + ",b=" + B);
    assertThat(rotated.isCurrent(underA)).isFalse();
    assertThat(rotated.open("f", 1, underA)).isEqualTo("13800000000");
    assertThat(rotated.seal("f", 1, "13800000000")).startsWith("enr:b:");
    assertThatThrownBy(() -> cipher("b=" + B).open("f", 1, underA)).hasMessageContaining("key 'a'");
  }

  @Test
  void aValueSealedBeforeRowsWereBoundStillOpensAndIsSealedAgain() throws Exception {
    // The earlier format: bound to the column alone.
    byte[] nonce = new byte[12];
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(
        Cipher.ENCRYPT_MODE,
        new SecretKeySpec(Base64.getDecoder().decode(A), "AES"),
        new GCMParameterSpec(128, nonce));
    aes.updateAAD("foi_request.phone".getBytes(StandardCharsets.UTF_8));
    byte[] body = aes.doFinal("13800000000".getBytes(StandardCharsets.UTF_8));
    byte[] sealed = new byte[nonce.length + body.length];
    System.arraycopy(body, 0, sealed, nonce.length, body.length);
    String columnBound = "enc:a:" + Base64.getEncoder().withoutPadding().encodeToString(sealed);

    PersonalDataCipher cipher = cipher("a=" + A);
    assertThat(cipher.open("foi_request.phone", 42, columnBound)).isEqualTo("13800000000");
    assertThat(cipher.isCurrent(columnBound)).as("to be sealed again, bound to its row").isFalse();
    assertThat(cipher.isCurrent(cipher.seal("foi_request.phone", 42, "13800000000"))).isTrue();
  }

  @Test
  void theLookupHashFindsEqualNumbersAndNeedsTheKey() {
    PersonalDataCipher cipher = cipher("lookup=" + B + ",a=" + A);
    assertThat(cipher.lookupHash("11010519491231002x"))
        .isEqualTo(cipher.lookupHash(" 11010519491231002X "))
        .isNotEqualTo(cipher.lookupHash("110105194912310021"))
        .isNotEqualTo(cipher("lookup=" + A + ",a=" + A).lookupHash("11010519491231002X"));
  }

  @Test
  void filesAreSealedAndFilesFromBeforeReadAsTheyAre() {
    PersonalDataCipher cipher = cipher("a=" + A);
    byte[] pdf = "%PDF-1.4 identity card".getBytes(StandardCharsets.US_ASCII);
    byte[] sealed = cipher.sealFile("foi-id-copy", pdf);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("identity card");
    assertThat(cipher.isCurrentFile(sealed)).isTrue();
    assertThat(cipher.openFile("foi-id-copy", sealed)).isEqualTo(pdf);
    assertThat(cipher.openFile("foi-id-copy", pdf)).isEqualTo(pdf);
    assertThat(cipher.isCurrentFile(pdf)).isFalse();
  }

  @Test
  void withoutKeysAKeyFileIsMadeOutsideTheDataFolderOnly() throws Exception {
    PersonalDataCipher made =
        new PersonalDataCipher(
            "", dir.resolve("etc/keys").toString(), dir.resolve("data").toString());
    String sealed = made.seal("f", 1, "x");
    assertThat(Files.readString(dir.resolve("etc/keys"))).contains("lookup=", "k1=");
    assertThat(
            new PersonalDataCipher(
                    "", dir.resolve("etc/keys").toString(), dir.resolve("data").toString())
                .open("f", 1, sealed))
        .as("the same file, the same key")
        .isEqualTo("x");
    assertThatThrownBy(
            () ->
                new PersonalDataCipher(
                    "", dir.resolve("data/keys").toString(), dir.resolve("data").toString()))
        .hasMessageContaining("must not lie in the data folder");
  }
}
