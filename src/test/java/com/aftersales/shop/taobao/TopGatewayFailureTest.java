package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.aftersales.shop.ShopUnavailableException;
import com.aftersales.support.SimulatedTop;
import com.aftersales.support.SimulatedTop.Answer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.ServerSocket;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A gateway that is down, slow or answers nonsense: the shop is unavailable, for now. */
class TopGatewayFailureTest {

  private static final String FULLINFO = "taobao.trade.fullinfo.get";
  private static final String FULLINFO_EXAMPLE =
      "{\"trade_fullinfo_get_response\":{\"trade\":{\"tid\":2231958349}}}";

  private static SimulatedTop top;

  @BeforeAll
  static void start() {
    top = new SimulatedTop();
  }

  @AfterAll
  static void stop() {
    top.close();
  }

  @BeforeEach
  void reset() {
    top.reset();
  }

  private static TopClient client(TaobaoProperties properties) {
    return new TopClient(
        properties,
        Clock.systemUTC(),
        d -> {
          throw new AssertionError("nothing to wait for");
        });
  }

  private static TopClient client(SignMethod method) {
    return client(top.properties(method));
  }

  private static JsonNode fullinfo(TopClient client) {
    return client.call(FULLINFO, Map.of("fields", "tid", "tid", "2231958349"));
  }

  @Test
  void aBadGatewayMakesTheShopUnavailable() {
    top.stubAnswers(FULLINFO, Answer.httpStatus(502));

    assertThatThrownBy(() -> fullinfo(client(SignMethod.MD5)))
        .isInstanceOf(ShopUnavailableException.class)
        .hasMessageContaining("HTTP 502");
  }

  @Test
  void aDroppedConnectionMakesTheShopUnavailable() {
    top.stubAnswers(FULLINFO, Answer.connectionReset());

    assertThatThrownBy(() -> fullinfo(client(SignMethod.MD5)))
        .isInstanceOf(ShopUnavailableException.class)
        .hasMessageContaining("连不上淘宝开放平台");
  }

  @Test
  void aRefusedConnectionMakesTheShopUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    TaobaoProperties p = top.properties(SignMethod.MD5);
    TaobaoProperties nowhere =
        new TaobaoProperties(
            "http://127.0.0.1:" + closedPort + SimulatedTop.PATH,
            p.appKey(),
            p.appSecret(),
            p.sessionKey(),
            p.signMethod(),
            p.pollInterval(),
            p.reconcileInterval(),
            p.connectTimeout(),
            p.readTimeout(),
            p.maxCallLimitRetries(),
            p.maxCallLimitWait(),
            p.returnAddressId());

    assertThatThrownBy(() -> fullinfo(client(nowhere)))
        .isInstanceOf(ShopUnavailableException.class)
        .hasMessageContaining("连不上淘宝开放平台");
  }

  @Test
  void noAnswerWithinTheReadTimeoutMakesTheShopUnavailable() {
    top.stubAnswers(FULLINFO, Answer.delayed(Duration.ofSeconds(3), FULLINFO_EXAMPLE));
    TopClient impatient =
        client(top.properties(SignMethod.MD5, SimulatedTop.APP_SECRET, Duration.ofMillis(500)));

    long start = System.nanoTime();
    ShopUnavailableException e =
        catchThrowableOfType(() -> fullinfo(impatient), ShopUnavailableException.class);

    assertThat(e).hasMessageContaining("超时");
    assertThat(e.getCause()).isInstanceOf(HttpTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void anAnswerWithoutTheMethodsResponseMakesTheShopUnavailable() {
    top.stub(FULLINFO, "{\"something_else_response\":{}}");

    assertThatThrownBy(() -> fullinfo(client(SignMethod.MD5)))
        .isInstanceOf(ShopUnavailableException.class)
        .hasMessageContaining("trade_fullinfo_get_response");
  }
}
