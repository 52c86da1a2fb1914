package com.aftersales.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The simulated gateway's checks of one form body, written independently of the client's signer:
 * decodes the form, recomputes the sign from it and checks the common parameters as the platform
 * documents them (error codes of docs/taobao-open-platform.md §13).
 */
final class TopRequestCheck {

  /** Either the decoded parameters or the error body the platform would send, and why. */
  record Result(Map<String, String> params, String refusal, String reason) {}

  /** The message service's calls are the application's own: no session. */
  private static final Set<String> APP_LEVEL =
      Set.of("taobao.tmc.messages.consume", "taobao.tmc.messages.confirm");

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final ZoneId GMT8 = ZoneId.of("GMT+08:00");
  private static final Duration SKEW = Duration.ofMinutes(10);

  private final String appKey;
  private final String secret;
  private final String session;
  private final Clock clock;

  TopRequestCheck(String appKey, String secret, String session, Clock clock) {
    this.appKey = appKey;
    this.secret = secret;
    this.session = session;
    this.clock = clock;
  }

  Result check(String body, boolean sessionExpired) {
    Map<String, String> p = new HashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (p.put(name, value) != null) {
        return refuse(41, "Invalid Arguments", "parameter twice: " + name);
      }
    }
    String method = p.get("method");
    if (blank(method)) {
      return refuse(21, "Missing Method", "no method");
    }
    if (blank(p.get("app_key"))) {
      return refuse(28, "Missing App Key", "no app_key");
    }
    if (!appKey.equals(p.get("app_key"))) {
      return refuse(29, "Invalid App Key", "app_key " + p.get("app_key"));
    }
    if (!"2.0".equals(p.get("v"))) {
      return refuse(32, "Invalid Version", "v=" + p.get("v"));
    }
    if (!"json".equals(p.get("format"))) {
      return refuse(23, "Invalid Format", "format=" + p.get("format"));
    }
    String ts = p.get("timestamp");
    if (blank(ts)) {
      return refuse(30, "Missing Timestamp", "no timestamp");
    }
    try {
      var sent = LocalDateTime.parse(ts, TIMESTAMP).atZone(GMT8).toInstant();
      if (Duration.between(sent, clock.instant()).abs().compareTo(SKEW) > 0) {
        return refuse(31, "Invalid Timestamp", "timestamp " + ts + " more than 10 minutes off");
      }
    } catch (DateTimeParseException e) {
      return refuse(31, "Invalid Timestamp", "timestamp not yyyy-MM-dd HH:mm:ss: " + ts);
    }
    String sign = p.get("sign");
    if (blank(sign)) {
      return refuse(24, "Missing Signature", "no sign");
    }
    String expected = expectedSign(p);
    if (expected == null) {
      return refuse(41, "Invalid Arguments", "sign_method " + p.get("sign_method"));
    }
    if (!expected.equals(sign)) {
      return refuse(25, "Invalid signature", "sign " + sign + " for " + method);
    }
    String s = p.get("session");
    if (blank(s)) {
      if (!APP_LEVEL.contains(method)) {
        return refuse(26, "Missing Session", "no session for " + method);
      }
    } else if (!session.equals(s) || sessionExpired) {
      return new Result(
          null,
          SimulatedTop.invalidSession(),
          (sessionExpired ? "expired" : "wrong") + " session for " + method);
    }
    return new Result(p, null, null);
  }

  /** The sign for the parameters, or null for an unknown sign method ("md5" when absent). */
  private String expectedSign(Map<String, String> p) {
    StringBuilder joined = new StringBuilder();
    for (Map.Entry<String, String> e : new TreeMap<>(p).entrySet()) {
      if (!e.getKey().equals("sign") && !e.getValue().isEmpty()) {
        joined.append(e.getKey()).append(e.getValue());
      }
    }
    String method = p.getOrDefault("sign_method", "md5");
    try {
      byte[] digest;
      switch (method) {
        case "md5" ->
            digest =
                MessageDigest.getInstance("MD5")
                    .digest((secret + joined + secret).getBytes(StandardCharsets.UTF_8));
        case "hmac" -> digest = mac("HmacMD5", joined.toString());
        case "hmac-sha256" -> digest = mac("HmacSHA256", joined.toString());
        default -> {
          return null;
        }
      }
      StringBuilder hex = new StringBuilder();
      for (byte b : digest) {
        hex.append(String.format("%02X", b & 0xff));
      }
      return hex.toString();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private byte[] mac(String algorithm, String text) throws java.security.GeneralSecurityException {
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
    return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
  }

  private static Result refuse(int code, String msg, String reason) {
    return new Result(null, SimulatedTop.error(code, msg, null, null), code + " " + reason);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }
}
