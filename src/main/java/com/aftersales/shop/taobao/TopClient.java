package com.aftersales.shop.taobao;

import com.aftersales.shop.ShopSessionExpiredException;
import com.aftersales.shop.ShopUnavailableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls one method of the Taobao Open Platform's REST router: adds the common parameters, signs
 * ({@link TopSigner}), posts the form and returns the method's response node ({@code
 * taobao.trade.fullinfo.get} → {@code trade_fullinfo_get_response}). Numbers are read exactly (big
 * ids stay whole: read them with {@code asText()}).
 *
 * <p>What goes wrong becomes: a call limit → waits (the ban the platform names, or a growing
 * back-off) and tries again up to {@code max-call-limit-retries}, then {@link
 * ShopUnavailableException}; an invalid or expired session → {@link ShopSessionExpiredException};
 * {@code isp.*} errors, HTTP 5xx, timeouts and unreachable gateways → {@link
 * ShopUnavailableException} (the service task's retries, then an incident); anything else the
 * platform refuses → {@link TopException}. Only the method and the error codes are logged, never
 * the secret, the session or a parameter.
 */
public class TopClient {

  /** Waits between tries; tests replace it to record the waits instead. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  public static final Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis());

  /** The platform's time zone (GMT+8): timestamps are sent and answered in it. */
  public static final ZoneId PLATFORM_ZONE = ZoneId.of("Asia/Shanghai");

  public static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private static final Logger LOG = LoggerFactory.getLogger(TopClient.class);
  private static final Set<String> COMMON =
      Set.of("method", "app_key", "session", "timestamp", "format", "v", "sign_method", "sign");
  private static final Duration FIRST_BACK_OFF = Duration.ofSeconds(1);

  private final TaobaoProperties properties;
  private final Clock clock;
  private final Sleeper sleeper;
  private final HttpClient http;
  private final ObjectMapper json =
      new ObjectMapper()
          .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  public TopClient(TaobaoProperties properties, Clock clock, Sleeper sleeper) {
    this.properties = properties;
    this.clock = clock;
    this.sleeper = sleeper;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(properties.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /** Who hears whether the shop's session is accepted (the console's warning). */
  public interface SessionWatch {
    void accepted();

    void refused(String method);
  }

  private volatile SessionWatch sessionWatch =
      new SessionWatch() {
        @Override
        public void accepted() {}

        @Override
        public void refused(String method) {}
      };

  /** Reports every session accepted or refused to {@code watch}. */
  public void watchSession(SessionWatch watch) {
    this.sessionWatch = watch;
  }

  /** Calls {@code method} with the shop's session. */
  public JsonNode call(String method, Map<String, String> params) {
    return call(method, params, true);
  }

  /** Calls an application-level method (e.g. the message service) without the shop's session. */
  public JsonNode callWithoutSession(String method, Map<String, String> params) {
    return call(method, params, false);
  }

  private JsonNode call(String method, Map<String, String> params, boolean withSession) {
    for (int attempt = 0; ; attempt++) {
      JsonNode root = post(method, form(method, params, withSession));
      JsonNode error = root.get("error_response");
      if (error == null) {
        if (withSession) {
          sessionWatch.accepted();
        }
        JsonNode answer = root.get(responseName(method));
        if (answer == null || !answer.isObject()) {
          LOG.warn("TOP {}: answer without {}", method, responseName(method));
          throw new ShopUnavailableException(
              "淘宝开放平台对 " + method + " 的回答不是预期的格式（缺少 " + responseName(method) + "）", null);
        }
        return answer;
      }
      TopError e = TopError.of(method, error);
      LOG.warn("TOP {} refused: code {}, sub_code {}", method, e.code(), e.subCode());
      if (e.isSessionProblem()) {
        sessionWatch.refused(method);
        LOG.warn(
            "The shop's TOP session key is invalid or expired (method {}, code {}, sub_code {}):"
                + " authorise the application again and set aftersales.shop.taobao.session-key",
            method,
            e.code(),
            e.subCode());
      }
      if (!e.isCallLimit()) {
        throw e.toException();
      }
      Duration wait = e.ban().orElse(backOff(attempt));
      if (attempt >= properties.maxCallLimitRetries()
          || wait.compareTo(properties.maxCallLimitWait()) > 0) {
        throw new ShopUnavailableException(
            "淘宝开放平台的调用次数已达上限，"
                + method
                + " 重试 "
                + attempt
                + " 次后仍被拒绝"
                + e.ban().map(b -> "（平台封禁还剩 " + b.toSeconds() + " 秒）").orElse("")
                + "：code "
                + e.code()
                + (e.subCode() == null ? "" : "，sub_code " + e.subCode()),
            null);
      }
      LOG.warn(
          "TOP {}: call limit, waiting {} s before try {}", method, wait.toSeconds(), attempt + 2);
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException ie) {
        Thread.currentThread().interrupt();
        throw new ShopUnavailableException("等待淘宝开放平台的调用限制解除时被中断（" + method + "）", ie);
      }
    }
  }

  private Duration backOff(int attempt) {
    Duration d = FIRST_BACK_OFF.multipliedBy(1L << Math.min(attempt, 10));
    return d.compareTo(properties.maxCallLimitWait()) > 0 ? properties.maxCallLimitWait() : d;
  }

  /** The form that is posted: the caller's non-empty parameters, the common ones and the sign. */
  private Map<String, String> form(String method, Map<String, String> params, boolean session) {
    Map<String, String> form = new LinkedHashMap<>();
    params.forEach(
        (name, value) -> {
          if (COMMON.contains(name)) {
            throw new IllegalArgumentException(
                "common parameter " + name + " is set by the client");
          }
          if (value != null && !value.isEmpty()) {
            form.put(name, value);
          }
        });
    form.put("method", method);
    form.put("app_key", properties.appKey());
    if (session) {
      form.put("session", properties.sessionKey());
    }
    form.put("timestamp", ZonedDateTime.now(clock.withZone(PLATFORM_ZONE)).format(TIMESTAMP));
    form.put("format", "json");
    form.put("v", "2.0");
    form.put("sign_method", properties.signMethod().wireName());
    form.put("sign", TopSigner.sign(form, properties.appSecret(), properties.signMethod()));
    return form;
  }

  private JsonNode post(String method, Map<String, String> form) {
    String body =
        form.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(properties.gatewayUrl()))
            .timeout(properties.readTimeout())
            .header("Content-Type", "application/x-www-form-urlencoded;charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (HttpTimeoutException e) {
      LOG.warn("TOP {}: no answer in time ({})", method, e.getClass().getSimpleName());
      throw new ShopUnavailableException("淘宝开放平台没有及时回答 " + method + "（超时），稍后重试", e);
    } catch (IOException e) {
      LOG.warn("TOP {}: gateway unreachable ({})", method, e.getClass().getSimpleName());
      throw new ShopUnavailableException(
          "连不上淘宝开放平台（" + method + "，" + e.getClass().getSimpleName() + "），稍后重试", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ShopUnavailableException("调用淘宝开放平台时被中断（" + method + "）", e);
    }
    int status = response.statusCode();
    JsonNode root = parse(response.body());
    if (status >= 200 && status < 300 && root != null) {
      return root;
    }
    if (status < 500 && root != null && root.has("error_response")) {
      return root;
    }
    LOG.warn("TOP {}: HTTP {}", method, status);
    throw new ShopUnavailableException(
        status >= 200 && status < 300
            ? "淘宝开放平台对 " + method + " 的回答不是 JSON"
            : "淘宝开放平台暂时不可用（HTTP " + status + "，" + method + "），稍后重试",
        null);
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode root = json.readTree(body);
      return root != null && root.isObject() ? root : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** {@code taobao.trade.fullinfo.get} → {@code trade_fullinfo_get_response}. */
  static String responseName(String method) {
    String m = method.startsWith("taobao.") ? method.substring("taobao.".length()) : method;
    return m.replace('.', '_') + "_response";
  }
}
