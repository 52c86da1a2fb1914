package com.aftersales.shop.taobao;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs a request as the Taobao Open Platform documents it: every parameter except {@code sign}
 * whose name and value are not empty, sorted by name, name and value written one after the other
 * (UTF-8); then
 *
 * <ul>
 *   <li>{@code md5}: MD5 of secret + that string + secret;
 *   <li>{@code hmac}: HMAC-MD5 of that string, keyed with the secret (no wrapping);
 *   <li>{@code hmac-sha256}: HMAC-SHA256 likewise;
 * </ul>
 *
 * written as upper-case hex.
 */
public final class TopSigner {

  private TopSigner() {}

  public static String sign(Map<String, String> params, String secret, SignMethod method) {
    StringBuilder joined = new StringBuilder();
    new TreeMap<>(params)
        .forEach(
            (name, value) -> {
              if (!"sign".equals(name) && notEmpty(name) && notEmpty(value)) {
                joined.append(name).append(value);
              }
            });
    byte[] digest =
        switch (method) {
          case MD5 -> md5(secret + joined + secret);
          case HMAC -> hmac("HmacMD5", secret, joined.toString());
          case HMAC_SHA256 -> hmac("HmacSHA256", secret, joined.toString());
        };
    return HexFormat.of().withUpperCase().formatHex(digest);
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }

  private static byte[] md5(String text) {
    try {
      return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
  }

  private static byte[] hmac(String algorithm, String secret, String text) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is not available", e);
    }
  }
}
