package com.aftersales.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;

import com.aftersales.cases.CaseEvent;
import com.aftersales.cases.CaseRecord;
import com.aftersales.cases.CaseRepository;
import com.aftersales.cases.CaseService;
import com.aftersales.cases.CaseStatus;
import com.aftersales.shop.ShopEvent;
import com.aftersales.shop.ShopEvent.BuyerReturnedGoods;
import com.aftersales.shop.ShopEvent.PlatformIntervened;
import com.aftersales.shop.ShopEvent.RefundClosed;
import com.aftersales.shop.ShopEvent.RefundCreated;
import com.aftersales.shop.ShopEvent.RefundSucceeded;
import com.aftersales.shop.ShopEvent.Source;
import com.aftersales.shop.ShopEvents;
import com.aftersales.shop.ShopEvents.Dispatched;
import com.aftersales.shop.ShopUnavailableException;
import com.aftersales.support.ClaimSteps;
import com.aftersales.support.ProcessTestBase;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The platform's refund events drive refund cases: a refund filed opens a case with nobody typing,
 * closed and paid end it, the buyer's return shipment moves it to the warehouse, the platform
 * stepping in starts the 24 hours. Seen twice, late or out of order, nothing happens twice and no
 * case moves back. Events are built directly, as the message service and the reconciliation build
 * them; {@link RefundBackOfficeEventsTest} sends them through the back office's API.
 */
class RefundShopEventsTest extends ProcessTestBase {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

  @org.springframework.beans.factory.annotation.Autowired RefundsNotOpened notOpened;
  @Autowired ShopEvents events;
  @Autowired CaseRepository caseRepository;
  @Autowired CaseService cases;

  @AfterEach
  void shopWorksAgain() {
    reset(shop);
  }

  // ---------------------------------------------------------------- helpers

  /** A shipped order of 40 yuan the buyer signed for yesterday. */
  private String receivedOrder() {
    String orderId = orders.create("buyer_p", "40.00", 1);
    orders.status(orderId, "SHIPPED");
    orders.signedAt(orderId, OffsetDateTime.now(SHANGHAI).minusDays(1));
    return orderId;
  }

  private static String refundId() {
    return String.valueOf(9_000_000_000_000L + IDS.incrementAndGet());
  }

  private static Source message() {
    return Source.message(String.valueOf(IDS.incrementAndGet()));
  }

  private static OffsetDateTime at(int minute) {
    return OffsetDateTime.of(2026, 11, 20, 9, minute, 0, 0, java.time.ZoneOffset.ofHours(8));
  }

  private static RefundCreated created(
      String refundId, String orderId, String amount, boolean goodsReturn, int minute) {
    return new RefundCreated(
        message(),
        at(minute),
        refundId,
        orderId,
        orderId,
        new BigDecimal(amount),
        goodsReturn,
        "质量问题");
  }

  private List<CaseRecord> casesOf(String orderId) {
    return caseRepository.openOf(orderId);
  }

  private ProcessInstance instanceOf(String caseId) {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId)
        .processDefinitionKey("refund")
        .singleResult();
  }

  private List<String> timeline(String caseId) {
    return caseRepository.timeline(caseId).stream().map(CaseEvent::detail).toList();
  }

  private int linkCount(String orderId) {
    return orders.count("select count(*) from refund_platform_link where order_id = ?", orderId);
  }

  // ---------------------------------------------------------------- a refund filed

  @Test
  void shouldOpenACaseForARefundFiledOnThePlatformAndAnswerThatRefund() {
    String orderId = receivedOrder();
    String refundId = refundId();
    Dispatched done = events.dispatch(created(refundId, orderId, "12.50", false, 0));

    assertThat(done.applied()).hasSize(1);
    String caseId = done.applied().get(0);
    CaseRecord record = caseRepository.find(caseId).orElseThrow();
    assertThat(record.kind().name()).isEqualTo("REFUND");
    assertThat(record.openedBy()).isEqualTo(Source.PLATFORM);
    assertThat(record.description()).contains(refundId).contains("12.50 元");
    ProcessInstance pi = instanceOf(caseId);
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "platformRefundId"))
        .isEqualTo(refundId);
    assertThat(timeline(caseId)).anyMatch(d -> d.contains("已自动开单"));

    runDueJobs(pi);
    assertThat(pi).isWaitingAt("userTask_approveRefund");
    completeAs(pi, "userTask_approveRefund", "finance", ClaimSteps.agree());
    runDueJobs(pi);
    // the agreement goes to the buyer's refund on the platform, which accepts it but has not paid
    verify(shop).agreeRefund(eq(orderId), eq(refundId), eq(new BigDecimal("12.50")), anyString());
    assertThat(pi).isWaitingAt("gateway_awaitPlatformPaid");
    assertThat(caseRepository.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
    assertThat(timeline(caseId))
        .contains("已在平台同意退款 " + refundId + "，12.50 元（原路退回），等待平台退款成功")
        .noneMatch(d -> d.contains("已退款"));

    // the platform pays and says so: that ends the case, as finance agreed it
    Dispatched paid =
        events.dispatch(new RefundSucceeded(message(), at(30), refundId, orderId, null));
    assertThat(paid.applied()).containsExactly(caseId);
    runDueJobs(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("message_platformRefundSucceeded", "endEvent_refundAgreed")
        .hasNotPassed("endEvent_paidByBackOffice");
    CaseRecord ended = caseRepository.find(caseId).orElseThrow();
    assertThat(ended.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(ended.category()).isEqualTo("AGREED/FINANCE");
    String confirmed = "平台确认退款成功，已退款 12.50 元（平台退款 " + refundId + "）";
    assertThat(timeline(caseId)).containsOnlyOnce(confirmed);

    // the same news again, or its copy from the reconciliation: nothing twice
    assertThat(
            events
                .dispatch(new RefundSucceeded(message(), at(30), refundId, orderId, null))
                .applied())
        .isEmpty();
    assertThat(
            events
                .dispatch(
                    new RefundSucceeded(
                        Source.reconciliation(refundId, 2L, "succeeded"),
                        at(31),
                        refundId,
                        orderId,
                        null))
                .applied())
        .isEmpty();
    assertThat(timeline(caseId)).containsOnlyOnce(confirmed);
    assertThat(caseRepository.find(caseId).orElseThrow().category()).isEqualTo("AGREED/FINANCE");
  }

  @Test
  void shouldEndAsClosedARefundThatThePlatformClosesWhileItsPaymentIsAwaited() {
    String orderId = receivedOrder();
    String refundId = refundId();
    String caseId = events.dispatch(created(refundId, orderId, "40.00", false, 0)).applied().get(0);
    ProcessInstance pi = instanceOf(caseId);
    runDueJobs(pi);
    completeAs(pi, "userTask_approveRefund", "finance", ClaimSteps.agree());
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("gateway_awaitPlatformPaid");

    Dispatched closed =
        events.dispatch(new RefundClosed(message(), at(20), refundId, orderId, "买家撤销"));
    assertThat(closed.applied()).containsExactly(caseId);
    runDueJobs(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("endEvent_closedByBackOffice")
        .hasNotPassed("serviceTask_confirmPlatformRefund", "endEvent_refundAgreed");
    CaseRecord record = caseRepository.find(caseId).orElseThrow();
    assertThat(record.category()).isEqualTo("CLOSED");
    assertThat(timeline(caseId)).noneMatch(d -> d.contains("已退款"));
    // a success reported after the close changes nothing
    assertThat(
            events
                .dispatch(new RefundSucceeded(message(), at(25), refundId, orderId, null))
                .applied())
        .isEmpty();
    assertThat(caseRepository.find(caseId).orElseThrow().category()).isEqualTo("CLOSED");
  }

  @Test
  void shouldNeverOpenATwinForTheSameRefund() throws Exception {
    String orderId = receivedOrder();
    String refundId = refundId();
    RefundCreated first = created(refundId, orderId, "40.00", false, 0);
    String caseId = events.dispatch(first).applied().get(0);

    // the same message delivered again: recognised by its id, nothing is handed out
    assertThat(events.dispatch(first).repeat()).isTrue();
    // another message, the reconciliation, a later change: the refund has its case
    assertThat(events.dispatch(created(refundId, orderId, "40.00", false, 1)).applied()).isEmpty();
    RefundCreated reconciled =
        new RefundCreated(
            Source.reconciliation(refundId, 1714700000000L, "created"),
            at(2),
            refundId,
            orderId,
            orderId,
            new BigDecimal("40.00"),
            false,
            null);
    assertThat(events.dispatch(reconciled).ignored()).containsExactly(caseId);

    assertThat(casesOf(orderId)).extracting(CaseRecord::caseId).containsExactly(caseId);
    assertThat(linkCount(orderId)).isEqualTo(1);
  }

  @Test
  void shouldOpenOneCaseWhenTwoNodesReceiveTheSameRefundAtOnce() throws Exception {
    String orderId = receivedOrder();
    String refundId = refundId();
    CountDownLatch start = new CountDownLatch(1);
    Callable<Dispatched> node =
        () -> {
          start.await();
          return events.dispatch(created(refundId, orderId, "40.00", false, 0));
        };
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Dispatched> a = pool.submit(node);
      Future<Dispatched> b = pool.submit(node);
      start.countDown();
      int opened = 0;
      for (Future<Dispatched> f : List.of(a, b)) {
        try {
          opened += f.get().applied().size();
        } catch (java.util.concurrent.ExecutionException failed) {
          // a node that lost the race may fail; its message is delivered again below
        }
      }
      assertThat(opened).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    // the loser's message comes again: still one case
    events.dispatch(created(refundId, orderId, "40.00", false, 1));
    assertThat(casesOf(orderId)).hasSize(1);
    assertThat(linkCount(orderId)).isEqualTo(1);
  }

  @Test
  void shouldOpenNothingForARefundThatEndedBeforeItsCreationArrived() {
    String orderId = receivedOrder();
    String refundId = refundId();
    events.dispatch(new RefundClosed(message(), at(5), refundId, orderId, null));
    Dispatched late = events.dispatch(created(refundId, orderId, "40.00", false, 0));
    assertThat(late.applied()).isEmpty();
    assertThat(casesOf(orderId)).isEmpty();
    // also when the creation's copy arrives with a later time: the refund is over
    events.dispatch(created(refundId, orderId, "40.00", false, 9));
    assertThat(casesOf(orderId)).isEmpty();
  }

  @Test
  void shouldLinkTheRefundToTheRefundCaseAnAgentOpenedBefore() {
    String orderId = receivedOrder();
    String caseId =
        cases
            .open("REFUND", orderId, "buyer_p", "买家旺旺说要退款", Map.of("refundAmount", 40.0))
            .record()
            .caseId();
    String refundId = refundId();
    Dispatched done = events.dispatch(created(refundId, orderId, "40.00", false, 0));
    assertThat(done.applied()).containsExactly(caseId);
    assertThat(casesOf(orderId)).hasSize(1);
    ProcessInstance pi = instanceOf(caseId);
    assertThat(processEngine.getRuntimeService().getVariable(pi.getId(), "platformRefundId"))
        .isEqualTo(refundId);
    assertThat(timeline(caseId)).anyMatch(d -> d.contains("已关联到本售后单"));

    // a second refund of the same order is left to an agent, and the case says so
    String second = refundId();
    assertThat(events.dispatch(created(second, orderId, "5.00", false, 1)).applied()).isEmpty();
    assertThat(casesOf(orderId)).hasSize(1);
    assertThat(timeline(caseId)).anyMatch(d -> d.contains(second) && d.contains("未自动开单"));
  }

  @Test
  void shouldRememberWhyNoCaseOpenedAndTryAgainOnANewerChange() {
    String orderId = receivedOrder();
    String refundId = refundId();
    // more than the buyer paid: the refund's own checks refuse it
    assertThat(events.dispatch(created(refundId, orderId, "99.00", false, 0)).applied()).isEmpty();
    assertThat(casesOf(orderId)).isEmpty();
    assertThat(
            orders.count(
                "select count(*) from refund_platform_link where refund_id = ?"
                    + " and state = 'NOT_OPENED' and note like '%超过可退金额%'",
                refundId))
        .isEqualTo(1);
    // the supervisors' console lists it until a case handles it
    assertThat(notOpened.notices())
        .anySatisfy(
            n -> assertThat(n.text()).contains("平台退款 " + refundId, orderId, "未能自动开单", "超过可退金额"));
    // the same version again changes nothing; the buyer's corrected request opens the case
    assertThat(events.dispatch(created(refundId, orderId, "40.00", false, 0)).applied()).isEmpty();
    assertThat(events.dispatch(created(refundId, orderId, "40.00", false, 3)).applied()).hasSize(1);
    assertThat(casesOf(orderId)).hasSize(1);
    assertThat(notOpened.notices()).noneMatch(n -> n.text().contains(refundId));
  }

  @Test
  void shouldHandleAgainWhatFailedWhileTheShopWasUnreachable() {
    String orderId = receivedOrder();
    RefundCreated filed = created(refundId(), orderId, "40.00", false, 0);
    doThrow(new ShopUnavailableException("back office down", null)).when(shop).findOrder(orderId);
    assertThatThrownBy(() -> events.dispatch(filed)).isInstanceOf(ShopUnavailableException.class);
    assertThat(events.seen(filed.source().id())).isFalse();
    assertThat(casesOf(orderId)).isEmpty();
    reset(shop);
    assertThat(events.dispatch(filed).applied()).hasSize(1);
    assertThat(events.seen(filed.source().id())).isTrue();
  }

  // ---------------------------------------------------------------- what follows

  @Test
  void shouldEndTheCaseWhenThePlatformClosesOrPaysTheRefund() {
    String closedOrder = receivedOrder();
    String closedRefund = refundId();
    String closedCase =
        events.dispatch(created(closedRefund, closedOrder, "40.00", false, 0)).applied().get(0);
    ProcessInstance closed = instanceOf(closedCase);
    runDueJobs(closed);
    assertThat(
            events
                .dispatch(new RefundClosed(message(), at(5), closedRefund, closedOrder, null))
                .applied())
        .containsExactly(closedCase);
    runDueJobs(closed);
    assertThat(closed).isEnded().hasPassed("endEvent_closedByBackOffice");
    assertThat(caseRepository.find(closedCase).orElseThrow().category()).isEqualTo("CLOSED");

    String paidOrder = receivedOrder();
    String paidRefund = refundId();
    String paidCase =
        events.dispatch(created(paidRefund, paidOrder, "40.00", false, 0)).applied().get(0);
    ProcessInstance paid = instanceOf(paidCase);
    runDueJobs(paid);
    events.dispatch(new RefundSucceeded(message(), at(6), paidRefund, paidOrder, null));
    runDueJobs(paid);
    assertThat(paid).isEnded().hasPassed("endEvent_paidByBackOffice");
    CaseRecord record = caseRepository.find(paidCase).orElseThrow();
    assertThat(record.status()).isEqualTo(CaseStatus.CLOSED);
    assertThat(record.category()).isEqualTo("AGREED/BACK_OFFICE");

    // closed after it succeeded: nothing reopens, no new case
    Dispatched late =
        events.dispatch(new RefundClosed(message(), at(7), paidRefund, paidOrder, null));
    assertThat(late.applied()).isEmpty();
    assertThat(caseRepository.find(paidCase).orElseThrow().category())
        .isEqualTo("AGREED/BACK_OFFICE");
    events.dispatch(created(paidRefund, paidOrder, "40.00", false, 8));
    assertThat(casesOf(paidOrder)).isEmpty();
  }

  @Test
  void shouldStartThe24HoursOnceWhenThePlatformStepsInAndIgnoreOlderNews() {
    String orderId = receivedOrder();
    String refundId = refundId();
    String caseId =
        events.dispatch(created(refundId, orderId, "40.00", false, 10)).applied().get(0);
    ProcessInstance pi = instanceOf(caseId);
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("userTask_approveRefund");

    // older than the creation already applied: out of order, it moves nothing
    Dispatched older =
        events.dispatch(new PlatformIntervened(message(), at(5), refundId, orderId, null));
    assertThat(older.applied()).isEmpty();
    assertThat(older.ignored()).containsExactly(caseId);
    assertThat(pi).isWaitingAt("userTask_approveRefund");

    Dispatched applied =
        events.dispatch(new PlatformIntervened(message(), at(20), refundId, orderId, null));
    assertThat(applied.applied()).containsExactly(caseId);
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("userTask_confirmEvidence");
    // the platform's second notice of the same intervention finds nothing waiting for it
    Dispatched again =
        events.dispatch(new PlatformIntervened(message(), at(21), refundId, orderId, null));
    assertThat(again.applied()).isEmpty();
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("userTask_confirmEvidence");
    assertThat(
            processEngine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey("userTask_confirmEvidence")
                .count())
        .isEqualTo(1);
  }

  @Test
  void shouldMoveAReturnToTheWarehouseWhenTheBuyerShipsItOnThePlatform() {
    String orderId = receivedOrder();
    String refundId = refundId();
    String caseId = events.dispatch(created(refundId, orderId, "40.00", true, 0)).applied().get(0);
    ProcessInstance pi = instanceOf(caseId);
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("userTask_recordReturnShipment");
    verify(shop).agreeReturn(eq(orderId), eq(refundId), any());

    // a tracking number our checks refuse leaves the task to the agent, and says why
    Dispatched refused =
        events.dispatch(
            new BuyerReturnedGoods(message(), at(3), refundId, orderId, "中通快递", "不是单号", null));
    assertThat(refused.applied()).isEmpty();
    assertThat(pi).isWaitingAt("userTask_recordReturnShipment");
    assertThat(timeline(caseId)).anyMatch(d -> d.contains("请客服核对后登记"));

    Dispatched shipped =
        events.dispatch(
            new BuyerReturnedGoods(
                message(), at(4), refundId, orderId, "中通快递", "ZT7312000001", null));
    assertThat(shipped.applied()).containsExactly(caseId);
    assertThat(pi).isWaitingAt("userTask_inspectRefundReturn");
    assertThat(processEngine.getRuntimeService().getVariables(pi.getId()))
        .containsEntry("returnCarrier", "中通快递")
        .containsEntry("returnTrackingNumber", "ZT7312000001");

    // the same shipment reported again (reconciliation) changes nothing
    Dispatched again =
        events.dispatch(
            new BuyerReturnedGoods(
                Source.reconciliation(refundId, 1L, "returned"),
                at(4),
                refundId,
                orderId,
                "中通快递",
                "ZT7312000001",
                null));
    assertThat(again.applied()).isEmpty();
    assertThat(pi).isWaitingAt("userTask_inspectRefundReturn");
  }

  @Test
  void shouldLeaveAnEventOfAnotherPlatformRefundToItsOwnCase() {
    String orderId = receivedOrder();
    String refundId = refundId();
    String caseId = events.dispatch(created(refundId, orderId, "40.00", false, 0)).applied().get(0);
    runDueJobs(instanceOf(caseId));
    // another refund of the same order, unknown to us, closed: this case handles its own refund
    ShopEvent other = new RefundClosed(message(), at(5), refundId(), orderId, null);
    assertThat(events.dispatch(other).applied()).isEmpty();
    assertThat(caseRepository.find(caseId).orElseThrow().status()).isEqualTo(CaseStatus.OPEN);
  }
}
