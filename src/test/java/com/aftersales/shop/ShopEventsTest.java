package com.aftersales.shop;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.cases.CaseEvent;
import com.aftersales.cases.CaseRepository;
import com.aftersales.cases.CaseService;
import com.aftersales.dunning.DunningService;
import com.aftersales.shop.ShopEvent.MemoModified;
import com.aftersales.shop.ShopEvent.Source;
import com.aftersales.shop.ShopEvent.TradeClosed;
import com.aftersales.shop.ShopEvent.TradePaid;
import com.aftersales.shop.ShopEvents.Dispatched;
import com.aftersales.support.ProcessTestBase;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dispatcher and the handlers outside the refund: a trade paid or closed ends its dunning case
 * (also through the back office's {@code /api/dunning/events}), a memo changed in the back office
 * shows on the order's open cases, and an event is handled once per source id.
 */
class ShopEventsTest extends ProcessTestBase {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  @Autowired ShopEvents events;
  @Autowired DunningService dunning;
  @Autowired CaseService cases;
  @Autowired CaseRepository caseRepository;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  private static Source message() {
    return Source.message(String.valueOf(IDS.incrementAndGet()));
  }

  private static OffsetDateTime now() {
    return OffsetDateTime.now(SHANGHAI);
  }

  /** An unpaid order with its dunning case open, on a day no other test uses. */
  private String dunnedOrder() {
    LocalDate day = LocalDate.now(SHANGHAI).plusDays(700 + IDS.incrementAndGet() % 5000);
    String orderId = orders.unpaid("tb_evt", day.atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime());
    assertThat(dunning.run(day).opened()).isEqualTo(1);
    return orderId;
  }

  private String dunningOutcome(String orderId) {
    return jdbc.queryForObject(
        "select outcome from dunning_case where order_id = ?", String.class, orderId);
  }

  private long runningDunning(String orderId) {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey("DUNNING-" + orderId)
        .count();
  }

  /** Runs the dunning case's steps after the event (they run as jobs). */
  private void runSteps(String orderId) {
    processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey("DUNNING-" + orderId)
        .list()
        .forEach(pi -> runDueJobs(pi));
  }

  @Test
  void shouldEndTheDunningCaseWhenTheTradeIsPaidAndIgnoreTheCloseAfterIt() {
    String orderId = dunnedOrder();
    Dispatched paid = events.dispatch(new TradePaid(message(), now(), orderId));
    assertThat(paid.applied()).containsExactly("DUNNING-" + orderId);
    runSteps(orderId);
    assertThat(runningDunning(orderId)).isZero();
    assertThat(dunningOutcome(orderId)).isEqualTo("PAID");

    // closed after the payment (late or out of order): the ended case stays as it ended
    Dispatched closed = events.dispatch(new TradeClosed(message(), now(), orderId));
    assertThat(closed.applied()).isEmpty();
    assertThat(dunningOutcome(orderId)).isEqualTo("PAID");
  }

  @Test
  void shouldEndTheDunningCaseWhenTheTradeIsClosedThroughTheBackOfficesApi() {
    String orderId = dunnedOrder();
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body = "{\"orderId\":\"" + orderId + "\",\"type\":\"CLOSED\"}";
    ResponseEntity<String> first =
        http.withBasicAuth("backoffice", "demo")
            .exchange(
                "/api/dunning/events",
                HttpMethod.POST,
                new HttpEntity<>(body, headers),
                String.class);
    assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(200);
    assertThat(first.getBody()).contains("\"outcome\":\"APPLIED\"");
    runSteps(orderId);
    assertThat(dunningOutcome(orderId)).isEqualTo("CLOSED");
    ResponseEntity<String> again =
        http.withBasicAuth("backoffice", "demo")
            .exchange(
                "/api/dunning/events",
                HttpMethod.POST,
                new HttpEntity<>(body, headers),
                String.class);
    assertThat(again.getBody()).contains("\"outcome\":\"IGNORED\"");
  }

  @Test
  void shouldShowAChangedMemoOnTheOrdersOpenCasesOnly() {
    String orderId = orders.create("buyer_m", "40.00", 1);
    String closedCase = cases.open("COMPLAINT", orderId, "buyer_m", "客服态度").record().caseId();
    jdbc.update(
        "update after_sales_case set status = 'CLOSED', open_key = null where case_id = ?",
        closedCase);
    String open = cases.open("DAMAGE", orderId, "buyer_m", "外箱压坏").record().caseId();

    Dispatched done = events.dispatch(new MemoModified(message(), now(), orderId, "改发顺丰，补偿 5 元"));
    assertThat(done.applied()).containsExactly(open);
    assertThat(caseRepository.timeline(open))
        .extracting(CaseEvent::detail)
        .contains("后台备注已更新：改发顺丰，补偿 5 元");
    assertThat(caseRepository.timeline(closedCase))
        .extracting(CaseEvent::detail)
        .noneMatch(d -> d != null && d.contains("后台备注"));
  }

  @Test
  void shouldHandleAnEventOncePerSourceIdAndForgetOldIds() {
    String orderId = orders.create("buyer_m", "40.00", 1);
    String open = cases.open("DAMAGE", orderId, "buyer_m", "外箱压坏").record().caseId();
    MemoModified memo = new MemoModified(message(), now(), orderId, "第一次");
    assertThat(events.dispatch(memo).repeat()).isFalse();
    assertThat(events.dispatch(memo).repeat()).isTrue();
    // an event without an id (the back office gave none) is handed out each time
    MemoModified anonymous =
        new MemoModified(new Source(null, "backoffice"), now(), orderId, "无编号");
    events.dispatch(anonymous);
    events.dispatch(anonymous);
    List<String> details = caseRepository.timeline(open).stream().map(CaseEvent::detail).toList();
    assertThat(details).filteredOn(d -> d.endsWith("第一次")).hasSize(1);
    assertThat(details).filteredOn(d -> d.endsWith("无编号")).hasSize(2);

    // retention: ids older than the cutoff are forgotten
    assertThat(events.forgetSeenBefore(now().plusMinutes(1))).isPositive();
    assertThat(events.seen(memo.source().id())).isFalse();
  }
}
