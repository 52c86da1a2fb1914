package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.aftersales.shop.ShopSessionExpiredException;
import com.aftersales.shop.ShopUnavailableException;
import com.aftersales.support.SimulatedTop;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

class TopClientTest {

  /** 2024-05-03 09:00:00 in the platform's zone (GMT+8). */
  private static final Instant NOW = Instant.parse("2024-05-03T01:00:00Z");

  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String FULLINFO = "taobao.trade.fullinfo.get";
  private static final String FULLINFO_EXAMPLE =
      """
      {"trade_fullinfo_get_response":{"trade":{
        "tid":2231958349,"status":"WAIT_BUYER_CONFIRM_GOODS","payment":"200.07",
        "orders":{"order":[{"oid":2231958349,"title":"正常001","num":1,"payment":"200.07"}]}}},
       "request_id":"abc"}
      """;

  private static SimulatedTop top;
  private final List<Duration> waits = new ArrayList<>();

  @BeforeAll
  static void start() {
    top = new SimulatedTop(CLOCK);
  }

  @AfterAll
  static void stop() {
    top.close();
  }

  @BeforeEach
  void reset() {
    top.reset();
  }

  private TopClient client(SignMethod method) {
    return client(top.properties(method));
  }

  private TopClient client(TaobaoProperties properties) {
    return new TopClient(properties, CLOCK, waits::add);
  }

  private JsonNode fullinfo(TopClient client) {
    return client.call(
        FULLINFO, Map.of("fields", "tid,status,payment,orders", "tid", "2231958349"));
  }

  @Test
  void returnsTheMethodsResponseAndSendsTheCommonParameters() {
    top.stub(FULLINFO, FULLINFO_EXAMPLE);

    JsonNode answer = fullinfo(client(SignMethod.MD5));

    assertThat(answer.path("trade").path("status").asText()).isEqualTo("WAIT_BUYER_CONFIRM_GOODS");
    assertThat(answer.path("trade").path("orders").path("order").get(0).path("title").asText())
        .isEqualTo("正常001");
    SimulatedTop.Call call = top.calls(FULLINFO).get(0);
    assertThat(call.params())
        .containsEntry("method", FULLINFO)
        .containsEntry("app_key", SimulatedTop.APP_KEY)
        .containsEntry("session", SimulatedTop.SESSION)
        .containsEntry("timestamp", "2024-05-03 09:00:00")
        .containsEntry("format", "json")
        .containsEntry("v", "2.0")
        .containsEntry("sign_method", "md5")
        .containsEntry("tid", "2231958349")
        .containsEntry("fields", "tid,status,payment,orders")
        .containsKey("sign");
    assertThat(top.rejected()).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(SignMethod.class)
  void everySignMethodIsAcceptedByTheGateway(SignMethod method) {
    top.stub(
        "taobao.trade.memo.update", "{\"trade_memo_update_response\":{\"trade\":{\"tid\":1}}}");

    client(method)
        .call("taobao.trade.memo.update", Map.of("tid", "1", "memo", "【客服】退款已同意 & 50%=ok +1"));

    assertThat(top.rejected()).isEmpty();
    SimulatedTop.Call call = top.calls("taobao.trade.memo.update").get(0);
    assertThat(call.param("sign_method")).isEqualTo(method.wireName());
    assertThat(call.param("memo")).isEqualTo("【客服】退款已同意 & 50%=ok +1");
  }

  @Test
  void aWrongSecretIsRefusedAsAnInvalidSignature() {
    top.stub(FULLINFO, FULLINFO_EXAMPLE);
    TopClient wrong =
        client(top.properties(SignMethod.HMAC, "not-the-secret", Duration.ofSeconds(2)));

    TopException e = catchThrowableOfType(() -> fullinfo(wrong), TopException.class);

    assertThat(e.code()).isEqualTo(25);
    assertThat(top.calls(FULLINFO)).isEmpty();
    assertThat(top.rejected()).singleElement().asString().startsWith("25");
  }

  @Test
  void aClockTooFarOffIsRefusedAsAnInvalidTimestamp() {
    top.stub(FULLINFO, FULLINFO_EXAMPLE);
    TopClient late =
        new TopClient(
            top.properties(SignMethod.MD5),
            Clock.offset(CLOCK, Duration.ofMinutes(11)),
            waits::add);

    assertThat(catchThrowableOfType(() -> fullinfo(late), TopException.class).code()).isEqualTo(31);
  }

  @Test
  void aBusinessErrorCarriesTheCodesAndIsNotRetried() {
    top.stub(
        FULLINFO, SimulatedTop.error(15, "Remote service error", "isv.trade-not-exist", "交易订单不存在"));

    TopException e =
        catchThrowableOfType(() -> fullinfo(client(SignMethod.MD5)), TopException.class);

    assertThat(e.code()).isEqualTo(15);
    assertThat(e.subCode()).isEqualTo("isv.trade-not-exist");
    assertThat(e.subMsg()).isEqualTo("交易订单不存在");
    assertThat(e.getMessage())
        .startsWith("淘宝开放平台拒绝了 taobao.trade.fullinfo.get：交易订单不存在")
        .contains("code 15", "sub_code isv.trade-not-exist");
    assertThat(top.calls(FULLINFO)).hasSize(1);
    assertThat(waits).isEmpty();
  }

  @Test
  void aCallLimitIsWaitedOutAsTheBanSaysAndTriedAgain() {
    top.stubSequence(FULLINFO, SimulatedTop.callLimit(2), FULLINFO_EXAMPLE);

    JsonNode answer = fullinfo(client(SignMethod.MD5));

    assertThat(answer.path("trade").path("tid").asText()).isEqualTo("2231958349");
    assertThat(waits).containsExactly(Duration.ofSeconds(2));
    assertThat(top.calls(FULLINFO)).hasSize(2);
  }

  @Test
  void aCallLimitWithoutABanLengthBacksOffLongerEachTime() {
    String limited =
        SimulatedTop.error(
            7, "App Call Limited", "accesscontrol.limited-by-api-access-count", null);
    top.stubSequence(FULLINFO, limited, limited, FULLINFO_EXAMPLE);

    fullinfo(client(SignMethod.HMAC));

    assertThat(waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
  }

  @Test
  void aCallLimitThatDoesNotEndMakesTheShopUnavailable() {
    top.stub(FULLINFO, SimulatedTop.callLimit(1));

    assertThatThrownBy(() -> fullinfo(client(SignMethod.MD5)))
        .isInstanceOf(ShopUnavailableException.class)
        .isNotInstanceOf(ShopSessionExpiredException.class)
        .hasMessageContaining("调用次数已达上限")
        .hasMessageContaining("accesscontrol.limited-by-app-access-count");
    assertThat(waits).hasSize(3);
    assertThat(top.calls(FULLINFO)).hasSize(4);
  }

  @Test
  void aBanLongerThanTheLongestWaitFailsAtOnce() {
    top.stub(FULLINFO, SimulatedTop.callLimit(31062));

    assertThatThrownBy(() -> fullinfo(client(SignMethod.MD5)))
        .isInstanceOf(ShopUnavailableException.class)
        .hasMessageContaining("31062 秒");
    assertThat(waits).isEmpty();
    assertThat(top.calls(FULLINFO)).hasSize(1);
  }

  @Test
  void anExpiredSessionNamesTheCauseAndIsNotWaitedOn() {
    top.stub(FULLINFO, FULLINFO_EXAMPLE);
    top.expireSession(true);
    ListAppender<ILoggingEvent> log = captureLog();

    ShopSessionExpiredException e =
        catchThrowableOfType(
            () -> fullinfo(client(SignMethod.MD5)), ShopSessionExpiredException.class);

    assertThat(e)
        .isInstanceOf(ShopUnavailableException.class)
        .hasMessageContaining("session key")
        .hasMessageContaining("invalid-sessionkey")
        .hasMessageContaining("aftersales.shop.taobao.session-key")
        .hasMessageNotContaining(SimulatedTop.SESSION);
    assertThat(e.getCause()).isInstanceOf(TopException.class);
    assertThat(waits).isEmpty();
    assertThat(log.list)
        .anyMatch(ev -> ev.getFormattedMessage().contains("session key is invalid"));
  }

  @Test
  void aMissingSessionIsTheSessionProblemToo() {
    top.stub(FULLINFO, SimulatedTop.error(26, "Missing Session", null, null));

    assertThatThrownBy(() -> fullinfo(client(SignMethod.MD5)))
        .isInstanceOf(ShopSessionExpiredException.class);
  }

  @Test
  void aPlatformSideErrorMakesTheShopUnavailable() {
    top.stub(
        FULLINFO,
        SimulatedTop.error(
            520, "Remote service error", "isp.top-remote-connection-timeout", "远程连接超时"));

    ShopUnavailableException e =
        catchThrowableOfType(
            () -> fullinfo(client(SignMethod.MD5)), ShopUnavailableException.class);

    assertThat(e).hasMessageContaining("isp.top-remote-connection-timeout");
    assertThat(e.getCause()).isInstanceOf(TopException.class);
    assertThat(top.calls(FULLINFO)).hasSize(1);
  }

  @Test
  void bigIdsStayExact() {
    top.stub(
        FULLINFO,
        """
        {"trade_fullinfo_get_response":{"trade":{"tid":4203751234567890123,"payment":"12.50",
          "orders":{"order":[{"oid":42037512345678901234567,"refund_id":9007199254740993}]}}}}
        """);

    JsonNode trade = fullinfo(client(SignMethod.MD5)).path("trade");

    assertThat(trade.path("tid").asText()).isEqualTo("4203751234567890123");
    JsonNode order = trade.path("orders").path("order").get(0);
    assertThat(order.path("oid").asText()).isEqualTo("42037512345678901234567");
    assertThat(order.path("refund_id").asText()).isEqualTo("9007199254740993");
  }

  @Test
  void theCommonParametersCannotBeOverridden() {
    assertThatThrownBy(
            () -> client(SignMethod.MD5).call(FULLINFO, Map.of("session", "someone-else")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(top.calls()).isEmpty();
  }

  @Test
  void neitherTheSecretNorTheSessionIsLogged() {
    ListAppender<ILoggingEvent> log = captureLog();
    top.stubSequence(
        FULLINFO,
        SimulatedTop.callLimit(1),
        SimulatedTop.error(41, "Invalid Arguments", "isv.invalid-parameter", "非法参数"));

    assertThatThrownBy(() -> fullinfo(client(SignMethod.MD5))).isInstanceOf(TopException.class);
    top.expireSession(true);
    assertThatThrownBy(() -> fullinfo(client(SignMethod.MD5)))
        .isInstanceOf(ShopSessionExpiredException.class);

    assertThat(log.list).isNotEmpty();
    assertThat(log.list)
        .allSatisfy(
            ev ->
                assertThat(ev.getFormattedMessage())
                    .doesNotContain(SimulatedTop.APP_SECRET)
                    .doesNotContain(SimulatedTop.SESSION)
                    .doesNotContain("2231958349"));
  }

  private static ListAppender<ILoggingEvent> captureLog() {
    Logger logger = (Logger) LoggerFactory.getLogger(TopClient.class);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    logger.addAppender(appender);
    return appender;
  }
}
