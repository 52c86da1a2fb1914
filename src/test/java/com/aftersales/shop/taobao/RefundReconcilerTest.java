package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;

import com.aftersales.cases.CaseEvent;
import com.aftersales.cases.CaseRecord;
import com.aftersales.cases.CaseRepository;
import com.aftersales.shop.PlatformRefund;
import com.aftersales.shop.ShopContact;
import com.aftersales.shop.ShopContact.Channel;
import com.aftersales.shop.ShopEvents;
import com.aftersales.shop.ShopSessionExpiredException;
import com.aftersales.shop.ShopUnavailableException;
import com.aftersales.support.ProcessTestBase;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The reconciliation of the platform's refunds catches what the messages missed, through the same
 * handling: no twin, no step back, a restart continues from the remembered mark, a failed window is
 * read again, an expired session is shown and the next run tries again. The shop port stands in for
 * the platform's refund list ({@code taobao.refunds.receive.get} is the adapter's).
 */
class RefundReconcilerTest extends ProcessTestBase {

  private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 100_000_000L);

  @Autowired ShopEvents events;
  @Autowired ShopContact contact;
  @Autowired CaseRepository caseRepository;
  @Autowired JdbcTemplate jdbc;

  private final TmcPollerTest.MovableClock clock = new TmcPollerTest.MovableClock();

  @BeforeEach
  void noMarkYet() {
    jdbc.update("delete from shop_contact");
  }

  @AfterEach
  void shopWorksAgain() {
    reset(shop);
  }

  private RefundReconciler reconciler() {
    return new RefundReconciler(shop, events, contact, clock);
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private String order() {
    String tid = String.valueOf(2_232_000_000_000L + IDS.incrementAndGet());
    orders.insertShipped(tid, "tb_buyer");
    return tid;
  }

  private static String refundId() {
    return String.valueOf(4_000_000_000_000L + IDS.incrementAndGet());
  }

  private PlatformRefund refund(
      String refundId, String tid, String status, long version, boolean goodsReturn, String sid) {
    return new PlatformRefund(
        refundId,
        tid,
        tid,
        new BigDecimal("40.00"),
        status,
        "aftersale",
        version,
        goodsReturn,
        sid == null ? "BUYER_RECEIVED" : "BUYER_RETURNED_GOODS",
        "质量问题",
        sid == null ? null : "中通快递",
        sid,
        now().minusHours(3),
        now().minusMinutes(5));
  }

  private void platformLists(PlatformRefund... refunds) {
    doReturn(List.of(refunds)).when(shop).refundsModified(any(), any());
  }

  private List<CaseRecord> openCases(String tid) {
    return caseRepository.openOf(tid);
  }

  @Test
  void shouldOpenWhatTheMessagesMissedOnceAndContinueFromTheMarkAfterARestart() {
    String tid = order();
    String refundId = refundId();
    platformLists(refund(refundId, tid, "WAIT_SELLER_AGREE", 1714700000000L, false, null));

    OffsetDateTime firstRun = now();
    RefundReconciler.Run run = reconciler().reconcile();

    assertThat(run.refunds()).isEqualTo(1);
    verify(shop).refundsModified(firstRun.minus(RefundReconciler.FIRST_LOOK_BACK), firstRun);
    assertThat(openCases(tid)).hasSize(1);
    assertThat(contact.mark(Channel.RECONCILE)).contains(firstRun);
    assertThat(contact.status().channels())
        .anySatisfy(c -> assertThat(c.channel()).isEqualTo(Channel.RECONCILE))
        .allSatisfy(c -> assertThat(c.lastOkAt()).isNotNull());

    // a restart ten minutes later: a new reconciler continues from the mark, no twin opens
    clock.move(Duration.ofMinutes(10));
    reset(shop);
    platformLists(refund(refundId, tid, "WAIT_SELLER_AGREE", 1714700001000L, false, null));
    OffsetDateTime secondRun = now();
    reconciler().reconcile();
    verify(shop).refundsModified(firstRun.minus(RefundReconciler.OVERLAP), secondRun);
    assertThat(openCases(tid)).hasSize(1);

    // closed on the platform: the case ends; the same version read again changes nothing
    String caseId = openCases(tid).get(0).caseId();
    ProcessInstance pi =
        processEngine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseId)
            .singleResult();
    runDueJobs(pi);
    clock.move(Duration.ofMinutes(10));
    reset(shop);
    platformLists(refund(refundId, tid, "CLOSED", 1714700002000L, false, null));
    assertThat(reconciler().reconcile().dispatched()).isEqualTo(1);
    assertThat(reconciler().reconcile().dispatched()).isEqualTo(1);
    runDueJobs(pi);
    assertThat(caseRepository.find(caseId).orElseThrow().category()).isEqualTo("CLOSED");
    assertThat(
            caseRepository.timeline(caseId).stream()
                .map(CaseEvent::detail)
                .filter(d -> d != null && d.contains("后台通知：退款已关闭"))
                .count())
        .isEqualTo(1);
    assertThat(openCases(tid)).isEmpty();
  }

  @Test
  void shouldReadAFailedWindowAgainOnTheNextRun() {
    String tid = order();
    String refundId = refundId();
    platformLists(refund(refundId, tid, "WAIT_SELLER_AGREE", 1714700000000L, false, null));
    doThrow(new ShopUnavailableException("back office down", null)).when(shop).findOrder(tid);

    RefundReconciler.Run failed = reconciler().reconcile();
    assertThat(failed.failed()).containsExactly(refundId);
    assertThat(contact.mark(Channel.RECONCILE)).isEmpty();
    assertThat(openCases(tid)).isEmpty();

    reset(shop);
    platformLists(refund(refundId, tid, "WAIT_SELLER_AGREE", 1714700000000L, false, null));
    clock.move(Duration.ofMinutes(10));
    assertThat(reconciler().reconcile().failed()).isEmpty();
    assertThat(openCases(tid)).hasSize(1);
    assertThat(contact.mark(Channel.RECONCILE)).isPresent();
  }

  @Test
  void shouldFillInTheReturnShipmentOfARefundFirstSeenOnItsWayBack() {
    String tid = order();
    String refundId = refundId();
    platformLists(
        refund(refundId, tid, "WAIT_SELLER_CONFIRM_GOODS", 1714700000000L, true, "ZT7312000009"));
    RefundReconciler.Run run = reconciler().reconcile();
    assertThat(run.dispatched()).isEqualTo(2);
    CaseRecord opened = openCases(tid).get(0);
    ProcessInstance pi =
        processEngine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(opened.caseId())
            .singleResult();
    runDueJobs(pi);
    assertThat(processEngine.getRuntimeService().getVariables(pi.getId()))
        .containsEntry("returnCarrier", "中通快递")
        .containsEntry("returnTrackingNumber", "ZT7312000009");
    assertThat(caseRepository.timeline(opened.caseId()))
        .extracting(CaseEvent::detail)
        .anyMatch(d -> d != null && d.contains("已填入"));
  }

  @Test
  void shouldShowAnExpiredSessionAndTryAgainOnTheNextRun() {
    doThrow(new ShopSessionExpiredException("invalid session", null))
        .when(shop)
        .refundsModified(any(), any());
    RefundReconciler.Run run = reconciler().reconcile();
    assertThat(run.expired()).isTrue();
    assertThat(contact.status().sessionExpired()).isTrue();
    assertThat(contact.status().warning()).contains("重新授权");
    assertThat(contact.mark(Channel.RECONCILE)).isEmpty();

    reset(shop);
    platformLists();
    clock.move(Duration.ofMinutes(10));
    assertThat(reconciler().reconcile().expired()).isFalse();
    assertThat(contact.status().sessionExpired()).isFalse();
  }

  @Test
  void shouldForgetHandledIdsOlderThanTheRetention() {
    platformLists();
    jdbc.update(
        "insert into shop_event_seen (source_id, kind, seen_at) values (?,?,?)",
        "tmc:old-" + IDS.incrementAndGet(),
        "TradePaid",
        now().minus(ShopEvents.SEEN_RETENTION).minusDays(1));
    String recent = "tmc:recent-" + IDS.incrementAndGet();
    jdbc.update(
        "insert into shop_event_seen (source_id, kind, seen_at) values (?,?,?)",
        recent,
        "TradePaid",
        now().minusDays(1));
    reconciler().reconcile();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from shop_event_seen where seen_at < ?",
                Integer.class,
                now().minus(ShopEvents.SEEN_RETENTION)))
        .isZero();
    assertThat(events.seen(recent)).isTrue();
  }
}
