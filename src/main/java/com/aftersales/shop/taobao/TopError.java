package com.aftersales.shop.taobao;

import com.aftersales.shop.ShopSessionExpiredException;
import com.aftersales.shop.ShopUnavailableException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code error_response} of the platform and what it means for us (docs/taobao-open-platform.md
 * §13): a call limit (code 7, {@code accesscontrol.limited-by-*}), an invalid or expired session
 * (code 26/27, {@code invalid-sessionkey}, {@code session-expired}, {@code session-not-exist}), a
 * failure on the platform's side ({@code isp.*}; also {@code isv.trade-service-rejection}, which
 * asks to query again a few minutes later) or a refusal of the call itself (the rest).
 */
record TopError(String method, int code, String msg, String subCode, String subMsg) {

  private static final Pattern BAN =
      Pattern.compile("(\\d+)\\s*more\\s*seconds?", Pattern.CASE_INSENSITIVE);
  private static final Set<String> SESSION_SUB_CODES =
      Set.of("invalid-sessionkey", "session-expired", "session-not-exist", "missing-session");
  private static final Set<String> TRANSIENT_SUB_CODES = Set.of("isv.trade-service-rejection");

  static TopError of(String method, JsonNode error) {
    return new TopError(
        method,
        error.path("code").asInt(0),
        text(error, "msg"),
        text(error, "sub_code"),
        text(error, "sub_msg"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText();
  }

  boolean isCallLimit() {
    return code == 7 || (subCode != null && subCode.startsWith("accesscontrol.limited-by"));
  }

  boolean isSessionProblem() {
    if (code == 26 || code == 27) {
      return true;
    }
    if (subCode == null) {
      return false;
    }
    String last = subCode.substring(subCode.lastIndexOf('.') + 1);
    return SESSION_SUB_CODES.contains(last);
  }

  boolean isTransient() {
    return subCode != null && (subCode.startsWith("isp.") || TRANSIENT_SUB_CODES.contains(subCode));
  }

  /** The ban the platform names ("This ban will last for 31062 more seconds"), if any. */
  Optional<Duration> ban() {
    for (String text : new String[] {subMsg, msg}) {
      if (text != null) {
        Matcher m = BAN.matcher(text);
        if (m.find()) {
          return Optional.of(Duration.ofSeconds(Long.parseLong(m.group(1))));
        }
      }
    }
    return Optional.empty();
  }

  RuntimeException toException() {
    String described = TopException.describe(method, code, msg, subCode, subMsg);
    if (isSessionProblem()) {
      return new ShopSessionExpiredException(
          "淘宝店铺对本应用的授权（session key）无效或已过期，"
              + described
              + "。请用店铺账号重新授权本应用，把新的 session key 配置到 aftersales.shop.taobao.session-key"
              + "（环境变量 TAOBAO_SESSION_KEY）并重启，然后在 Cockpit 中重试该事件",
          new TopException(method, code, msg, subCode, subMsg));
    }
    if (isTransient()) {
      return new ShopUnavailableException(
          described + "：平台暂时出错，稍后重试", new TopException(method, code, msg, subCode, subMsg));
    }
    return new TopException(method, code, msg, subCode, subMsg);
  }
}
