package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import com.aftersales.cases.CaseRecord;
import com.aftersales.cases.CaseRepository;
import com.aftersales.shop.PlatformRefund;
import com.aftersales.shop.ShopContact;
import com.aftersales.shop.ShopEvents;
import com.aftersales.shop.ShopSessionExpiredException;
import com.aftersales.shop.ShopUnavailableException;
import com.aftersales.support.ProcessTestBase;
import com.aftersales.support.SimulatedTop;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The message service polled against a simulated TOP gateway: documented message shapes are
 * consumed, turned into shop events and handled by the engine (the local back office stands for the
 * shop's orders), and exactly the handled messages are confirmed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TmcPollerTest extends ProcessTestBase {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 100_000_000L);

  @Autowired ShopEvents events;
  @Autowired ShopContact contact;
  @Autowired CaseRepository caseRepository;
  @Autowired com.aftersales.cases.CaseService cases;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;

  private final SimulatedTop top = new SimulatedTop();
  private final MovableClock clock = new MovableClock();
  private TmcPoller poller;

  /** A clock the test moves (the slower pace of an expired session). */
  static final class MovableClock extends Clock {
    private Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);

    @Override
    public ZoneId getZone() {
      return TopClient.PLATFORM_ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }

    void move(Duration by) {
      now = now.plus(by);
    }
  }

  @BeforeEach
  void poller() {
    top.reset();
    jdbc.update("delete from shop_contact");
    TopClient client =
        new TopClient(
            // a generous read timeout: the shared build machine may answer slowly
            top.properties(SignMethod.HMAC, SimulatedTop.APP_SECRET, Duration.ofSeconds(30)),
            Clock.system(TopClient.PLATFORM_ZONE),
            d -> {});
    poller = new TmcPoller(client, events, shop, contact, jdbc, clock);
    top.stub(TmcPoller.CONFIRM, "{\"tmc_messages_confirm_response\":{\"is_success\":true}}");
  }

  @AfterEach
  void shopWorksAgain() {
    reset(shop);
  }

  @AfterAll
  void stopGateway() {
    top.close();
  }

  // ---------------------------------------------------------------- documented shapes

  private static String next() {
    return String.valueOf(3_000_000_000_000L + IDS.incrementAndGet());
  }

  /** A received order of 40 yuan with a platform-style numeric id. */
  private String order() {
    String tid = String.valueOf(2_231_000_000_000L + IDS.incrementAndGet());
    orders.insertShipped(tid, "tb_buyer");
    return tid;
  }

  /** One {@code tmc_message}: id (a number), topic, pub_time, content (a JSON string). */
  private static ObjectNode message(String id, String topic, String pubTime, String content) {
    ObjectNode m = JSON.createObjectNode();
    m.put("id", Long.parseLong(id));
    m.put("topic", topic);
    m.put("pub_time", pubTime);
    m.put("pub_app_key", "12497914");
    m.put("user_id", 2200001);
    m.put("user_nick", "some-shop");
    m.put("content", content);
    return m;
  }

  /** A refund topic's content as §12b documents it. */
  private static String refundContent(String refundId, String tid, String fee, String modified) {
    return "{\"buyer_nick\":\"买家\",\"buyer_open_uid\":\"AAHk5d-EAAeGwJedwSFu0XXX\","
        + "\"bill_type\":\"refund_bill\",\"modified\":\""
        + modified
        + "\",\"oid\":"
        + tid
        + ",\"refund_fee\":\""
        + fee
        + "\",\"refund_id\":"
        + refundId
        + ",\"refund_phase\":\"aftersale\",\"seller_nick\":\"some-shop\",\"tid\":"
        + tid
        + "}";
  }

  private void consume(ObjectNode... messages) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list =
        root.putObject("tmc_messages_consume_response")
            .putObject("messages")
            .putArray("tmc_message");
    Arrays.stream(messages).forEach(list::add);
    top.stubSequence(
        TmcPoller.CONSUME,
        root.toString(),
        "{\"tmc_messages_consume_response\":{\"messages\":{\"tmc_message\":[]}}}");
  }

  private List<String> confirmedIds() {
    return top.calls(TmcPoller.CONFIRM).stream()
        .flatMap(c -> Arrays.stream(c.param("s_message_ids").split(",")))
        .toList();
  }

  private List<CaseRecord> openCases(String orderId) {
    return caseRepository.openOf(orderId);
  }

  // ---------------------------------------------------------------- tests

  @Test
  void shouldOpenACaseFromTheBuyersRefundAndConfirmTheMessage() {
    String tid = order();
    String refundId = next();
    String id = next();
    consume(
        message(
            id,
            TmcMessages.REFUND_CREATED,
            "2024-05-03 09:00:01",
            refundContent(refundId, tid, "10.00", "2024-05-03 09:00:00")));

    TmcPoller.Round round = poller.poll();

    assertThat(round.consumed()).isEqualTo(1);
    assertThat(top.calls(TmcPoller.CONSUME).get(0).param("quantity")).isEqualTo("100");
    assertThat(top.calls(TmcPoller.CONSUME).get(0).param("session")).isNull();
    assertThat(confirmedIds()).containsExactly(id);
    List<CaseRecord> opened = openCases(tid);
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).description()).contains(refundId).contains("10.00 元");
    assertThat(
            jdbc.queryForObject(
                "select case_id from refund_platform_link where refund_id = ?",
                String.class,
                refundId))
        .isEqualTo(opened.get(0).caseId());
    assertThat(contact.status().lastHeard()).isNotNull();
    assertThat(top.rejected()).isEmpty();
  }

  @Test
  void shouldConfirmExactlyTheMessagesHandledAndLeaveAFailedOneForRedelivery() {
    String paidTid = order();
    String unreachableTid = order();
    String paid = next();
    String unknownTopic = next();
    String failing = next();
    String unreadable = next();
    doThrow(new ShopUnavailableException("back office down", null))
        .when(shop)
        .findOrder(unreachableTid);
    ObjectNode failingMessage =
        message(
            failing,
            TmcMessages.REFUND_CREATED,
            "2024-05-03 09:00:03",
            refundContent(next(), unreachableTid, "40.00", "2024-05-03 09:00:03"));
    consume(
        message(
            paid,
            TmcMessages.TRADE_PAID,
            "2024-05-03 09:00:01",
            "{\"buyer_nick\":\"买家\",\"oid\":"
                + paidTid
                + ",\"payment\":\"88.00\",\"tid\":"
                + paidTid
                + "}"),
        message(unknownTopic, "taobao_item_ItemAdd", "2024-05-03 09:00:02", "{\"num_iid\":1}"),
        failingMessage,
        message(unreadable, TmcMessages.REFUND_CLOSED, "2024-05-03 09:00:04", "not json"));

    TmcPoller.Round round = poller.poll();

    assertThat(round.failed()).containsExactly(failing);
    assertThat(confirmedIds()).containsExactlyInAnyOrder(paid, unknownTopic, unreadable);
    assertThat(openCases(unreachableTid)).isEmpty();

    // delivered again once the back office answers: handled, and confirmed this time
    reset(shop);
    top.reset();
    top.stub(TmcPoller.CONFIRM, "{\"tmc_messages_confirm_response\":{\"is_success\":true}}");
    consume(failingMessage);
    assertThat(poller.poll().failed()).isEmpty();
    assertThat(confirmedIds()).containsExactly(failing);
    assertThat(openCases(unreachableTid)).hasSize(1);
  }

  @Test
  void shouldHandleAMessageDeliveredTwiceOnce() {
    String tid = order();
    String refundId = next();
    String id = next();
    ObjectNode created =
        message(
            id,
            TmcMessages.REFUND_CREATED,
            "2024-05-03 09:00:01",
            refundContent(refundId, tid, "40.00", "2024-05-03 09:00:00"));
    // the confirmation gets lost: the platform delivers the message again
    top.stubAnswers(TmcPoller.CONFIRM, SimulatedTop.Answer.httpStatus(502));
    consume(created);
    poller.poll();
    assertThat(openCases(tid)).hasSize(1);

    top.stub(TmcPoller.CONFIRM, "{\"tmc_messages_confirm_response\":{\"is_success\":true}}");
    consume(created, created.deepCopy());
    TmcPoller.Round again = poller.poll();
    assertThat(again.failed()).isEmpty();
    assertThat(top.calls(TmcPoller.CONFIRM).get(1).param("s_message_ids")).isEqualTo(id);
    assertThat(openCases(tid)).hasSize(1);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from refund_platform_link where refund_id = ?",
                Integer.class,
                refundId))
        .isEqualTo(1);
  }

  @Test
  void shouldTakeABatchInThePlatformsOrderAndIgnoreACreationAfterTheClose() {
    String tid = order();
    String refundId = next();
    String closedId = next();
    String createdId = next();
    // in one batch, the close listed first: handled after the creation it follows
    consume(
        message(
            closedId,
            TmcMessages.REFUND_CLOSED,
            "2024-05-03 10:00:00",
            refundContent(refundId, tid, "40.00", "2024-05-03 10:00:00")),
        message(
            createdId,
            TmcMessages.REFUND_CREATED,
            "2024-05-03 09:00:00",
            refundContent(refundId, tid, "40.00", "2024-05-03 09:00:00")));
    poller.poll();
    assertThat(confirmedIds()).containsExactlyInAnyOrder(closedId, createdId);
    String caseId =
        jdbc.queryForObject(
            "select case_id from refund_platform_link where refund_id = ?", String.class, refundId);
    assertThat(caseId).isNotNull();

    // a refund whose close came in an earlier batch than its creation opens nothing
    String lateTid = order();
    String lateRefund = next();
    consume(
        message(
            next(),
            TmcMessages.REFUND_CLOSED,
            "2024-05-03 10:00:00",
            refundContent(lateRefund, lateTid, "40.00", "2024-05-03 10:00:00")));
    poller.poll();
    consume(
        message(
            next(),
            TmcMessages.REFUND_CREATED,
            "2024-05-03 09:00:00",
            refundContent(lateRefund, lateTid, "40.00", "2024-05-03 09:00:00")));
    poller.poll();
    assertThat(openCases(lateTid)).isEmpty();
  }

  @Test
  void shouldReadTheReturnShipmentFromTheRefundWhenTheBuyerShipsIt() {
    String tid = order();
    String refundId = next();
    doReturn(
            Optional.of(
                new PlatformRefund(
                    refundId,
                    tid,
                    tid,
                    new BigDecimal("40.00"),
                    "WAIT_SELLER_CONFIRM_GOODS",
                    "aftersale",
                    1714700000000L,
                    true,
                    "BUYER_RETURNED_GOODS",
                    "质量问题",
                    "中通快递",
                    "ZT7312000001",
                    null,
                    null)))
        .when(shop)
        .findRefund(refundId);
    String id = next();
    consume(
        message(
            id,
            TmcMessages.RETURN_GOODS,
            "2024-05-03 09:00:01",
            refundContent(refundId, tid, "40.00", "2024-05-03 09:00:00")));
    // no case for this refund yet: the message is handled (nothing to move) and confirmed
    assertThat(poller.poll().failed()).isEmpty();
    assertThat(confirmedIds()).containsExactly(id);
    org.mockito.Mockito.verify(shop).findRefund(eq(refundId));
  }

  @Test
  void shouldWarnOnTheConsoleAndSlowDownWhenTheSessionExpires() {
    top.stub(TmcPoller.CONSUME, SimulatedTop.invalidSession());

    TmcPoller.Round round = poller.poll();

    assertThat(round.expired()).isTrue();
    ShopContact.Status status = contact.status();
    assertThat(status.sessionExpired()).isTrue();
    assertThat(status.warning()).contains("session key").contains("重新授权");
    // the supervisor console shows it
    String console =
        http.withBasicAuth("supervisor", "demo")
            .getForEntity("/api/console/summary", String.class)
            .getBody();
    assertThat(console).contains("\"sessionExpired\":true").contains("重新授权");
    // slower: the next scheduled round waits a minute instead of the poll interval
    assertThat(poller.pollIfDue()).isEmpty();
    clock.move(TmcPoller.EXPIRED_PACE.plusSeconds(1));
    top.reset();
    top.stub(TmcPoller.CONFIRM, "{\"tmc_messages_confirm_response\":{\"is_success\":true}}");
    consume();
    assertThat(poller.pollIfDue()).hasValueSatisfying(r -> assertThat(r.expired()).isFalse());
    assertThat(contact.status().sessionExpired()).isFalse();
    assertThat(contact.status().warning()).isNull();
  }

  @Test
  void shouldNotConfirmAMessageWhoseHandlingFoundTheSessionExpired() {
    String tid = order();
    doThrow(new ShopSessionExpiredException("session expired", null)).when(shop).findOrder(tid);
    String id = next();
    consume(
        message(
            id,
            TmcMessages.REFUND_CREATED,
            "2024-05-03 09:00:01",
            refundContent(next(), tid, "40.00", "2024-05-03 09:00:00")));
    TmcPoller.Round round = poller.poll();
    assertThat(round.expired()).isTrue();
    assertThat(round.failed()).containsExactly(id);
    assertThat(top.calls(TmcPoller.CONFIRM)).isEmpty();
    assertThat(contact.status().warning()).contains("session key");
  }

  @Test
  void shouldShowAMemoWrittenByHandButNotTheEchoOfOurOwnWrite() {
    String tid = order();
    String caseId = cases.open("DAMAGE", tid, "tb_buyer", "外箱压坏").record().caseId();
    jdbc.update(
        "insert into taobao_remark (order_id, remark_column, body, written_at) values (?,?,?,?)",
        tid,
        "INTERNAL",
        "已登记破损，等待买家照片",
        java.time.OffsetDateTime.now(TopClient.PLATFORM_ZONE).minusMinutes(5));
    String ours =
        SellerMemo.compose(
            jdbc.query(
                "select id, remark_column, body, written_at from taobao_remark where order_id = ?",
                (rs, i) ->
                    new SellerMemo.Entry(
                        rs.getLong("id"),
                        SellerMemo.Section.valueOf(rs.getString("remark_column")),
                        null,
                        rs.getString("body"),
                        rs.getObject("written_at", java.time.OffsetDateTime.class)),
                tid));
    consume(
        message(next(), TmcMessages.MEMO_MODIFIED, "2024-05-03 09:00:01", memoContent(tid, ours)),
        message(
            next(),
            TmcMessages.MEMO_MODIFIED,
            "2024-05-03 09:10:00",
            memoContent(tid, ours + "\n改发顺丰")));
    poller.poll();
    List<String> memoLines =
        caseRepository.timeline(caseId).stream()
            .map(com.aftersales.cases.CaseEvent::detail)
            .filter(d -> d != null && d.startsWith("后台备注已更新"))
            .toList();
    assertThat(memoLines).containsExactly("后台备注已更新：改发顺丰");
  }

  /** {@code taobao_trade_TradeMemoModified} content (§12c) with {@code memo} as the seller memo. */
  private static String memoContent(String tid, String memo) {
    ObjectNode c = JSON.createObjectNode();
    c.put("action_type", "seller");
    c.put("buyer_open_uid", "AAHk5d-EAAeGwJedwSFu0XXX");
    c.put("oid", Long.parseLong(tid));
    c.put("payment", "40.00");
    c.put("seller_flag", 0);
    c.put("seller_memo", memo);
    c.put("seller_nick", "some-shop");
    c.put("status", "WAIT_BUYER_CONFIRM_GOODS");
    c.put("tid", Long.parseLong(tid));
    c.put("type", "fixed");
    return c.toString();
  }
}
