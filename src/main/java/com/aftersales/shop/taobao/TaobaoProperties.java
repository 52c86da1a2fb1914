package com.aftersales.shop.taobao;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code aftersales.shop.taobao.*}: the Taobao Open Platform (TOP) connection of the taobao shop
 * adapter ({@code aftersales.shop.adapter: taobao}). Bound always, checked ({@link
 * #requireComplete()}) only when that adapter is selected. {@link #toString()} never shows the app
 * secret or the session key.
 *
 * @param gatewayUrl the TOP REST router, e.g. {@code https://eco.taobao.com/router/rest}
 * @param appKey the application's key
 * @param appSecret the application's secret (signs every request; never logged)
 * @param sessionKey the shop's authorization (OAuth access token; never logged)
 * @param signMethod md5, hmac or hmac-sha256
 * @param pollInterval how often the message service is polled
 * @param reconcileInterval how often refunds changed since the last run are fetched
 * @param connectTimeout connecting to the gateway
 * @param readTimeout waiting for the gateway's answer
 * @param maxCallLimitRetries how often a call refused for the call limit is tried again
 * @param maxCallLimitWait the longest wait before such a try; a longer ban fails the call at once
 * @param returnAddressId the seller address ({@code contact_id} of the address library) buyers
 *     return goods to
 */
@ConfigurationProperties("aftersales.shop.taobao")
public record TaobaoProperties(
    String gatewayUrl,
    String appKey,
    String appSecret,
    String sessionKey,
    @DefaultValue("md5") SignMethod signMethod,
    @DefaultValue("PT5S") Duration pollInterval,
    @DefaultValue("PT10M") Duration reconcileInterval,
    @DefaultValue("PT5S") Duration connectTimeout,
    @DefaultValue("PT15S") Duration readTimeout,
    @DefaultValue("3") int maxCallLimitRetries,
    @DefaultValue("PT30S") Duration maxCallLimitWait,
    String returnAddressId) {

  private static final String PREFIX = "aftersales.shop.taobao.";

  /**
   * Fails with a message naming every missing or invalid property: the taobao adapter cannot start
   * without them.
   */
  public TaobaoProperties requireComplete() {
    List<String> problems = new ArrayList<>();
    missing(problems, "gateway-url", gatewayUrl, "TAOBAO_GATEWAY_URL");
    missing(problems, "app-key", appKey, "TAOBAO_APP_KEY");
    missing(problems, "app-secret", appSecret, "TAOBAO_APP_SECRET");
    missing(problems, "session-key", sessionKey, "TAOBAO_SESSION_KEY");
    if (gatewayUrl != null
        && !gatewayUrl.isBlank()
        && !gatewayUrl.startsWith("https://")
        && !gatewayUrl.startsWith("http://")) {
      problems.add(PREFIX + "gateway-url 应为 http(s) 地址，现为 “" + gatewayUrl + "”");
    }
    positive(problems, "poll-interval", pollInterval);
    positive(problems, "reconcile-interval", reconcileInterval);
    positive(problems, "connect-timeout", connectTimeout);
    positive(problems, "read-timeout", readTimeout);
    if (maxCallLimitRetries < 0) {
      problems.add(PREFIX + "max-call-limit-retries 不能为负数");
    }
    if (maxCallLimitWait == null || maxCallLimitWait.isNegative()) {
      problems.add(PREFIX + "max-call-limit-wait 不能为负数");
    }
    if (!problems.isEmpty()) {
      throw new IllegalStateException(
          "淘宝店铺适配器（aftersales.shop.adapter=taobao）的配置不完整：" + String.join("；", problems));
    }
    return this;
  }

  private static void missing(List<String> problems, String name, String value, String env) {
    if (value == null || value.isBlank()) {
      problems.add("缺少 " + PREFIX + name + "（环境变量 " + env + "）");
    }
  }

  private static void positive(List<String> problems, String name, Duration value) {
    if (value == null || value.isZero() || value.isNegative()) {
      problems.add(PREFIX + name + " 必须大于 0");
    }
  }

  @Override
  public String toString() {
    return "TaobaoProperties[gatewayUrl="
        + gatewayUrl
        + ", appKey="
        + appKey
        + ", appSecret="
        + (appSecret == null || appSecret.isEmpty() ? "(none)" : "(set)")
        + ", sessionKey="
        + (sessionKey == null || sessionKey.isEmpty() ? "(none)" : "(set)")
        + ", signMethod="
        + signMethod
        + ", pollInterval="
        + pollInterval
        + ", reconcileInterval="
        + reconcileInterval
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", maxCallLimitRetries="
        + maxCallLimitRetries
        + ", maxCallLimitWait="
        + maxCallLimitWait
        + ", returnAddressId="
        + returnAddressId
        + "]";
  }
}
