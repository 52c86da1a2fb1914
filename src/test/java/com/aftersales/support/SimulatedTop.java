package com.aftersales.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.aftersales.shop.taobao.SignMethod;
import com.aftersales.shop.taobao.TaobaoProperties;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A simulated Taobao Open Platform REST router on WireMock, on a random local port. It checks every
 * request as the platform does — the signature (md5, hmac, hmac-sha256, recomputed from the form
 * body with {@link #APP_SECRET}), the app key, the session, {@code v=2.0}, {@code format=json} and
 * the timestamp (GMT+8, at most 10 minutes off) — and answers a failed check with the platform's
 * {@code error_response} (e.g. code 25 "Invalid signature"). Accepted calls are answered with what
 * a test stubbed for the method (in the documented shapes) and recorded with their decoded
 * parameters ({@link #calls(String)}).
 *
 * <pre>
 * top.stub("taobao.trade.fullinfo.get", json);
 * top.stubSequence("taobao.trade.memo.update", SimulatedTop.callLimit(2), json);
 * top.calls("taobao.rp.refunds.agree").get(0).param("refund_infos");
 * </pre>
 */
public final class SimulatedTop implements AutoCloseable {

  public static final String APP_KEY = "23456789";
  public static final String APP_SECRET = "sim-app-secret-7f3a9c";
  public static final String SESSION = "6100a1b2c3d4e5f6sim-session";
  public static final String PATH = "/router/rest";
  public static final String RETURN_ADDRESS_ID = "30001";

  /** One accepted call: the method and every form parameter, decoded. */
  public record Call(String method, Map<String, String> params) {
    public String param(String name) {
      return params.get(name);
    }
  }

  /** How the gateway answers one call. */
  public record Answer(int status, String body, Duration delay, Fault fault) {
    public static Answer json(String body) {
      return new Answer(200, body, Duration.ZERO, null);
    }

    public static Answer httpStatus(int status) {
      return new Answer(status, "<html><body>" + status + "</body></html>", Duration.ZERO, null);
    }

    /** Answers only after {@code delay}: longer than the client's read timeout, a timeout. */
    public static Answer delayed(Duration delay, String body) {
      return new Answer(200, body, delay, null);
    }

    /** Drops the connection without an answer. */
    public static Answer connectionReset() {
      return new Answer(200, null, Duration.ZERO, Fault.CONNECTION_RESET_BY_PEER);
    }
  }

  private final WireMockServer server;
  private final TopRequestCheck check;
  private final Map<String, Deque<Function<Call, Answer>>> answers = new HashMap<>();
  private final List<Call> calls = new ArrayList<>();
  private final List<String> rejected = new ArrayList<>();
  private volatile boolean sessionExpired;

  public SimulatedTop() {
    this(Clock.systemUTC());
  }

  /** A gateway whose "now" (for the timestamp check) is {@code clock}'s. */
  public SimulatedTop(Clock clock) {
    this.check = new TopRequestCheck(APP_KEY, APP_SECRET, SESSION, clock);
    this.server = new WireMockServer(options().dynamicPort().extensions(new Gateway()));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)));
  }

  public String gatewayUrl() {
    return "http://localhost:" + server.port() + PATH;
  }

  public int port() {
    return server.port();
  }

  /**
   * The adapter's configuration for this gateway: its key, secret and session, and timeouts a
   * loaded build machine still meets (the timeout tests give their own).
   */
  public TaobaoProperties properties(SignMethod signMethod) {
    return properties(signMethod, APP_SECRET, Duration.ofSeconds(10));
  }

  public TaobaoProperties properties(SignMethod signMethod, String secret, Duration readTimeout) {
    return new TaobaoProperties(
        gatewayUrl(),
        APP_KEY,
        secret,
        SESSION,
        signMethod,
        Duration.ofSeconds(5),
        Duration.ofMinutes(10),
        Duration.ofSeconds(5),
        readTimeout,
        3,
        Duration.ofSeconds(30),
        RETURN_ADDRESS_ID);
  }

  /** Answers every call of {@code method} with {@code json} (replaces earlier stubs). */
  public SimulatedTop stub(String method, String json) {
    return stub(method, call -> json);
  }

  /** Answers every call of {@code method} with what {@code answer} makes of it. */
  public SimulatedTop stub(String method, Function<Call, String> answer) {
    return stubAnswers(method, List.of(call -> Answer.json(answer.apply(call))));
  }

  /** Answers the calls of {@code method} one after another; the last answer stays. */
  public SimulatedTop stubSequence(String method, String... jsons) {
    List<Function<Call, Answer>> list = new ArrayList<>();
    for (String json : jsons) {
      list.add(call -> Answer.json(json));
    }
    return stubAnswers(method, list);
  }

  /** Like {@link #stubSequence} with any answers (HTTP errors, delays, dropped connections). */
  public SimulatedTop stubAnswers(String method, Answer... answers) {
    List<Function<Call, Answer>> list = new ArrayList<>();
    for (Answer a : answers) {
      list.add(call -> a);
    }
    return stubAnswers(method, list);
  }

  private synchronized SimulatedTop stubAnswers(String method, List<Function<Call, Answer>> list) {
    answers.put(method, new ArrayDeque<>(list));
    return this;
  }

  /** From now on every call with the session is refused as code 27 invalid-sessionkey. */
  public void expireSession(boolean expired) {
    this.sessionExpired = expired;
  }

  /** The accepted calls of {@code method}, in order. */
  public synchronized List<Call> calls(String method) {
    return calls.stream().filter(c -> c.method().equals(method)).toList();
  }

  /** Every accepted call, in order. */
  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Why requests were refused before any stub saw them (bad signature, missing session...). */
  public synchronized List<String> rejected() {
    return List.copyOf(rejected);
  }

  /** Forgets the stubs, the recorded calls and the expired session. */
  public synchronized void reset() {
    answers.clear();
    calls.clear();
    rejected.clear();
    sessionExpired = false;
  }

  @Override
  public void close() {
    server.stop();
  }

  // ------------------------------------------------------------------ documented error shapes

  /** {@code {"error_response":{code,msg,sub_code,sub_msg,request_id}}}. */
  public static String error(int code, String msg, String subCode, String subMsg) {
    StringBuilder s = new StringBuilder("{\"error_response\":{\"code\":").append(code);
    s.append(",\"msg\":\"").append(escape(msg)).append('"');
    if (subCode != null) {
      s.append(",\"sub_code\":\"").append(escape(subCode)).append('"');
    }
    if (subMsg != null) {
      s.append(",\"sub_msg\":\"").append(escape(subMsg)).append('"');
    }
    return s.append(",\"request_id\":\"sim")
        .append(System.nanoTime() % 100000)
        .append("\"}}")
        .toString();
  }

  /** The app's call limit, as the platform words it (a ban of {@code seconds}). */
  public static String callLimit(int seconds) {
    return error(
        7,
        "App Call Limited",
        "accesscontrol.limited-by-app-access-count",
        "This ban will last for " + seconds + " more seconds");
  }

  /** An invalid or expired session key. */
  public static String invalidSession() {
    return error(27, "Invalid session", "invalid-sessionkey", "SessionKey非法");
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\"", "\\\"");
  }

  // ------------------------------------------------------------------ serving

  private synchronized Answer answer(String body) {
    TopRequestCheck.Result r = check.check(body, sessionExpired);
    if (r.refusal() != null) {
      rejected.add(r.reason());
      return Answer.json(r.refusal());
    }
    Call call = new Call(r.params().get("method"), Map.copyOf(r.params()));
    calls.add(call);
    Deque<Function<Call, Answer>> queue = answers.get(call.method());
    if (queue == null || queue.isEmpty()) {
      return Answer.json(
          error(
              22,
              "Invalid Method",
              "isv.method-not-stubbed",
              "simulated gateway: " + call.method()));
    }
    Function<Call, Answer> next = queue.size() > 1 ? queue.poll() : queue.peek();
    return next.apply(call);
  }

  private final class Gateway implements ResponseDefinitionTransformerV2 {
    @Override
    public ResponseDefinition transform(ServeEvent event) {
      var request = event.getRequest();
      if (!request.getUrl().startsWith(PATH) || !"POST".equals(request.getMethod().getName())) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(404).build();
      }
      String type = request.getHeader("Content-Type");
      if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
        return json(Answer.json(error(23, "Invalid Format", null, "not a form: " + type)));
      }
      return json(answer(request.getBodyAsString()));
    }

    private ResponseDefinition json(Answer a) {
      ResponseDefinitionBuilder b = ResponseDefinitionBuilder.responseDefinition();
      if (a.fault() != null) {
        return b.withFault(a.fault()).build();
      }
      b.withStatus(a.status())
          .withHeader(
              "Content-Type", a.status() == 200 ? "application/json;charset=UTF-8" : "text/html")
          .withBody(a.body());
      if (!a.delay().isZero()) {
        b.withFixedDelay((int) a.delay().toMillis());
      }
      return b.build();
    }

    @Override
    public String getName() {
      return "simulated-top";
    }
  }
}
