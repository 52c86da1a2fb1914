package com.aftersales.refund;

import static com.aftersales.support.ClaimSteps.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.reset;

import com.aftersales.base.ForbiddenException;
import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseRecord;
import com.aftersales.cases.CaseStatus;
import com.aftersales.shop.ShopUnavailableException;
import com.aftersales.shop.UnknownOrderException;
import com.aftersales.support.ProcessPathTest;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path and every clock of {@code bpmn/refund.bpmn} (SOP §5), the back office's events, and
 * finance's bulk approval. Time moves with the engine's clock.
 */
class RefundProcessTest extends ProcessPathTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired RefundDesk desk;

  RefundProcessTest() {
    super("refund");
  }

  // ---------------------------------------------------------------- set-up helpers

  /** A paid, unshipped order of 40 yuan, paid {@code hoursAgo} hours ago. */
  private String unshippedOrder(long hoursAgo) {
    String orderId = orders.create("buyer_r", "40.00", 1);
    orders.status(orderId, "PAID");
    orders.paidAt(orderId, OffsetDateTime.now(SHANGHAI).minusHours(hoursAgo));
    return orderId;
  }

  /** A shipped order of 40 yuan, not (yet) signed for. */
  private String shippedOrder() {
    String orderId = orders.create("buyer_r", "40.00", 1);
    orders.status(orderId, "SHIPPED");
    return orderId;
  }

  /** A shipped order of 40 yuan the buyer signed for yesterday. */
  private String receivedOrder() {
    String orderId = shippedOrder();
    orders.signedAt(orderId, OffsetDateTime.now(SHANGHAI).minusDays(1));
    return orderId;
  }

  private ProcessInstance open(String orderId, Map<String, Object> fields) {
    ProcessInstance pi = openWithoutJobs(orderId, fields);
    runDueJobs(pi);
    return pi;
  }

  private ProcessInstance openWithoutJobs(String orderId, Map<String, Object> fields) {
    String caseId = cases.open("REFUND", orderId, "buyer_r", "买家申请退款", fields).record().caseId();
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId)
        .processDefinitionKey("refund")
        .singleResult();
  }

  private ProcessInstance open(String orderId) {
    return open(orderId, Map.of());
  }

  private <T> T as(String user, String group, Supplier<T> action) {
    processEngine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return action.get();
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }
  }

  private RefundDesk.EventResult event(String orderId, String type) {
    return as(
        "backoffice", "back-office", () -> desk.receive(new RefundDesk.Event(orderId, type, null)));
  }

  private void financeAgrees(ProcessInstance pi, String taskKey) {
    completeAs(pi, taskKey, "finance", vars("refundDecision", "AGREE"));
    runDueJobs(pi);
  }

  /** Zhang San's refund account as the agent enters it, and whether it was checked with him. */
  private static Map<String, Object> payee(String channel, String account, boolean confirmed) {
    return vars(
        "payeeChannel",
        channel,
        "payeeName",
        "张三",
        "payeeAccount",
        account,
        "accountConfirmed",
        confirmed);
  }

  private CaseRecord record(ProcessInstance pi) {
    return caseRepository.find(pi.getBusinessKey()).orElseThrow();
  }

  private Date answerDue(ProcessInstance pi) {
    return (Date)
        processEngine
            .getHistoryService()
            .createHistoricVariableInstanceQuery()
            .processInstanceId(pi.getId())
            .variableName("sellerAnswerDue")
            .singleResult()
            .getValue();
  }

  private static Date hoursFromNow(long hours) {
    return new Date(ClockUtil.getCurrentTime().getTime() + hours * 3600_000L);
  }

  // ---------------------------------------------------------------- opening

  @Test
  void shouldRefuseARefundTheTradeStateDoesNotAllow() {
    String unpaid = orders.create("buyer_r", "40.00", 1);
    orders.status(unpaid, "WAITING_PAYMENT");
    Assertions.assertThatThrownBy(() -> open(unpaid))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("还没有付款");
    String closed = orders.create("buyer_r", "40.00", 1);
    orders.status(closed, "CLOSED");
    Assertions.assertThatThrownBy(() -> open(closed)).hasMessageContaining("交易已关闭");
    String received = receivedOrder();
    Assertions.assertThatThrownBy(() -> open(received, Map.of("refundAmount", 40.01)))
        .hasMessageContaining("超过可退金额 40.00 元");
    Assertions.assertThatThrownBy(() -> open(received, Map.of("refundAmount", "十元")))
        .hasMessageContaining("必须是金额数字");
    String inTransit = shippedOrder();
    Assertions.assertThatThrownBy(() -> open(inTransit, Map.of("refundAmount", 10.0)))
        .hasMessageContaining("只能整单退款（40.00 元）");
    Assertions.assertThatThrownBy(() -> open(inTransit, Map.of("returnRequired", true)))
        .hasMessageContaining("不需要退货");
    // nothing was written for any of them
    for (String order : List.of(unpaid, closed, received, inTransit)) {
      Assertions.assertThat(
              orders.count("select count(*) from after_sales_case where order_id = ?", order))
          .isZero();
    }
  }

  // ---------------------------------------------------------------- paid, not shipped

  @Test
  void shouldShipAndWithdrawWhenTheAgentKeepsTheSale() {
    String orderId = unshippedOrder(30);
    ProcessInstance pi = open(orderId);
    assertThat(pi).isWaitingAt("userTask_retainSale");
    Task retain = taskOf(pi, "userTask_retainSale");
    assertThat(retain).hasCandidateGroup("agents");
    Assertions.assertThat(retain.getDueDate()).isCloseTo(hoursFromNow(48), 60_000);
    // the refund's reason is noted in purple; the unshipped order is held (yellow, shown first)
    Assertions.assertThat(flags(orderId)).containsExactly("YELLOW", "PURPLE");
    Assertions.assertThat(orders.flag(orderId)).isEqualTo("YELLOW");
    Assertions.assertThat(orders.remarks(orderId, "remark_internal")).contains("否则平台自动退款");

    complete(pi, "userTask_retainSale", vars("retainOutcome", "KEPT", "retainNote", "买家同意等两天"));
    Task ship = taskOf(pi, "userTask_shipKeptOrder");
    assertThat(ship).hasCandidateGroup("warehouse");
    complete(
        pi,
        "userTask_shipKeptOrder",
        vars("shipCarrier", "顺丰速运", "shipTrackingNumber", "SF123456789"));
    runDueJobs(pi);

    assertThat(pi).isEnded().hasPassed("serviceTask_withdrawRequest", "endEvent_saleKept");
    Assertions.assertThat(orders.status(orderId)).isEqualTo("SHIPPED");
    // shipped: nothing held; the refund is finished: its purple comes down too
    Assertions.assertThat(flags(orderId)).isEmpty();
    Assertions.assertThat(orders.flag(orderId)).isNull();
    Assertions.assertThat(timeline(pi)).anyMatch(d -> d.contains("撤黄旗：挽留成功，订单已发货"));
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("0");
    Assertions.assertThat(orders.remarks(orderId, "remark_internal")).contains("挽留成功：买家同意等两天");
    Assertions.assertThat(orders.remarks(orderId, "remark_shipping")).contains("SF123456789");
    Assertions.assertThat(record(pi).status()).isEqualTo(CaseStatus.CLOSED);
    Assertions.assertThat(record(pi).outcome()).isEqualTo("saleKept");
  }

  @Test
  void shouldWaitUntil24HoursAfterPaymentBeforeTheRequestCounts() {
    String orderId = unshippedOrder(2);
    ProcessInstance pi = open(orderId);
    assertThat(pi).isWaitingAt("timer_untilFileable");
    moveClock(Duration.ofHours(21).plusMinutes(59));
    runDueTimers(pi);
    assertThat(pi).isWaitingAt("timer_untilFileable");
    moveClock(Duration.ofMinutes(2));
    runDueTimers(pi);
    assertThat(pi).isWaitingAt("userTask_retainSale");
    // the platform's 48 hours start when the request can be filed
    Assertions.assertThat(answerDue(pi)).isCloseTo(hoursFromNow(48), 60_000);
  }

  @Test
  void shouldRefundWhenTheBuyerInsistsAndFinanceAgrees() {
    String orderId = unshippedOrder(30);
    ProcessInstance pi = open(orderId);
    complete(pi, "userTask_retainSale", vars("retainOutcome", "REFUND", "retainNote", "买家不想要了"));
    Assertions.assertThat(flags(orderId)).containsExactly("YELLOW", "PURPLE");
    Task approve = taskOf(pi, "userTask_approveRefund");
    assertThat(approve).hasCandidateGroup("finance");
    Assertions.assertThat(approve.getDueDate()).isCloseTo(hoursFromNow(48), 60_000);
    financeAgrees(pi, "userTask_approveRefund");
    assertThat(pi)
        .isEnded()
        .hasPassed("serviceTask_executeRefund", "endEvent_refundAgreed")
        // no refund on the platform: nothing to wait for
        .hasNotPassed("gateway_awaitPlatformPaid")
        .variables()
        .containsEntry("refundOutcome", "AGREED")
        .containsEntry("refundSettlement", "FINANCE");
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("40.00");
    Assertions.assertThat(orders.remarks(orderId, "remark_internal"))
        .contains("财务已同意退款 40.00 元")
        .contains("挽留：买家不想要了");
    Assertions.assertThat(record(pi).category()).isEqualTo("AGREED/FINANCE");
    Assertions.assertThat(flags(orderId)).isEmpty();
    Assertions.assertThat(orders.flag(orderId)).isNull();
  }

  @Test
  void shouldEscalateAt36HoursAndRecordThePlatformsRefundAt48() {
    String orderId = unshippedOrder(30);
    ProcessInstance pi = open(orderId);
    moveClock(Duration.ofHours(35));
    runDueTimers(pi);
    Assertions.assertThat(taskOf(pi, "userTask_retainSale").getPriority()).isNotEqualTo(90);
    moveClock(Duration.ofHours(1).plusMinutes(1));
    runDueTimers(pi);
    Task retain = taskOf(pi, "userTask_retainSale");
    assertThat(retain).hasCandidateGroup("supervisors");
    Assertions.assertThat(retain.getPriority()).isEqualTo(90);
    assertThat(pi).hasPassed("endEvent_answerEscalated");

    moveClock(Duration.ofHours(12));
    runDueTimers(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("timer_platformAutoRefund", "endEvent_platformRefunded")
        .variables()
        .containsEntry("refundOutcome", "AGREED")
        .containsEntry("refundSettlement", "PLATFORM");
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("40.00");
    Assertions.assertThat(orders.remarks(orderId, "remark_internal")).contains("平台已自动退款 40.00 元");
    Assertions.assertThat(
            processEngine.getTaskService().createTaskQuery().processInstanceId(pi.getId()).count())
        .isZero();
    Assertions.assertThat(record(pi).outcome()).isEqualTo("platformRefunded");
  }

  @Test
  void shouldEscalateInTheTimersOwnJobWithNoContinuationLeft() {
    // the escalation only touches the engine and our tables: it runs in the timer's transaction,
    // one job per deadline in a storm (a failure rolls back to the timer, which is retried)
    String orderId = unshippedOrder(30);
    ProcessInstance pi = open(orderId);
    moveClock(Duration.ofHours(36).plusMinutes(1));
    Job timer =
        processEngine
            .getManagementService()
            .createJobQuery()
            .rootProcessInstanceId(pi.getId())
            .activityId("timer_answerEscalation")
            .singleResult();
    execute(timer);
    Assertions.assertThat(
            processEngine
                .getManagementService()
                .createJobQuery()
                .rootProcessInstanceId(pi.getId())
                .activityId("serviceTask_escalateAnswer")
                .count())
        .isZero();
    Task retain = taskOf(pi, "userTask_retainSale");
    assertThat(retain).hasCandidateGroup("supervisors");
    Assertions.assertThat(retain.getPriority()).isEqualTo(90);
    assertThat(pi).hasPassed("serviceTask_escalateAnswer", "endEvent_answerEscalated");
    Assertions.assertThat(timeline(pi)).anyMatch(d -> d.contains("已升级给客服主管"));
  }

  // ---------------------------------------------------------------- agreed on the platform

  private List<String> timeline(ProcessInstance pi) {
    return caseRepository.timeline(pi.getBusinessKey()).stream()
        .map(com.aftersales.cases.CaseEvent::detail)
        .toList();
  }

  @Test
  void shouldWaitForThePlatformsRefundAndHaveQianniuCheckedWhenItStaysSilent() {
    String orderId = receivedOrder();
    ProcessInstance pi = open(orderId, Map.of("platformRefundId", "83477201140001"));
    financeAgrees(pi, "userTask_approveRefund");

    // the platform accepted the agreement; the money is not paid until the platform says so
    assertThat(pi).isWaitingAt("gateway_awaitPlatformPaid");
    Assertions.assertThat(
            processEngine.getRuntimeService().getVariable(pi.getId(), "refundOutcome"))
        .isEqualTo("PENDING");
    Assertions.assertThat(record(pi).status()).isEqualTo(CaseStatus.OPEN);
    Assertions.assertThat(orders.remarks(orderId, "remark_finance"))
        .contains("已在平台同意退款 40.00 元（原路退回），等待平台退款成功")
        .doesNotContain("已退款");
    Assertions.assertThat(timeline(pi))
        .contains("已在平台同意退款 83477201140001，40.00 元（原路退回），等待平台退款成功")
        .noneMatch(d -> d.contains("已退款"));

    moveClock(Duration.ofDays(3).minusMinutes(1));
    runDueTimers(pi);
    assertThat(pi).isWaitingAt("gateway_awaitPlatformPaid");
    moveClock(Duration.ofMinutes(2));
    runDueTimers(pi);
    Task check = taskOf(pi, "userTask_checkPlatformRefund");
    assertThat(check).hasCandidateGroup("finance");
    assertRefused(pi, "userTask_checkPlatformRefund", vars("platformPaidNote", "看了"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("千牛核对结果");

    // not paid yet in Qianniu either: the case waits again, three more days
    complete(
        pi,
        "userTask_checkPlatformRefund",
        vars("platformPaidCheck", "NOT_YET", "platformPaidNote", "千牛显示退款处理中"));
    assertThat(pi).isWaitingAt("gateway_awaitPlatformPaid");
    Assertions.assertThat(record(pi).status()).isEqualTo(CaseStatus.OPEN);
    moveClock(Duration.ofDays(3).plusMinutes(1));
    runDueTimers(pi);
    complete(
        pi,
        "userTask_checkPlatformRefund",
        vars("platformPaidCheck", "PAID", "platformPaidNote", "千牛显示退款成功"));
    runDueJobs(pi);

    assertThat(pi)
        .isEnded()
        .hasPassed("gateway_platformPaidChecked", "serviceTask_confirmPlatformRefund")
        .hasPassed("endEvent_refundAgreed")
        .hasNotPassed("message_platformRefundSucceeded")
        .variables()
        .containsEntry("refundOutcome", "AGREED")
        .containsEntry("refundSettlement", "FINANCE");
    Assertions.assertThat(record(pi).category()).isEqualTo("AGREED/FINANCE");
    Assertions.assertThat(timeline(pi))
        .contains("千牛核对：平台退款成功，已退款 40.00 元（平台退款 83477201140001）：千牛显示退款成功");
    Assertions.assertThat(orders.remarks(orderId, "remark_finance"))
        .contains("千牛核对：平台退款成功，已退款 40.00 元（平台退款 83477201140001）");
  }

  @Test
  void shouldEndARefundAgreedOnThePlatformWhenTheBackOfficeReportsItPaid() {
    String orderId = receivedOrder();
    ProcessInstance pi = open(orderId, Map.of("platformRefundId", "83477201140002"));
    financeAgrees(pi, "userTask_approveRefund");
    assertThat(pi).isWaitingAt("gateway_awaitPlatformPaid");

    Assertions.assertThat(event(orderId, "PAID").outcome()).isEqualTo("APPLIED");
    runDueJobs(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("message_platformRefundSucceeded", "serviceTask_confirmPlatformRefund")
        .hasPassed("endEvent_refundAgreed")
        .hasNotPassed("endEvent_paidByBackOffice", "userTask_checkPlatformRefund");
    Assertions.assertThat(record(pi).category()).isEqualTo("AGREED/FINANCE");
    Assertions.assertThat(timeline(pi))
        .containsOnlyOnce("平台确认退款成功，已退款 40.00 元（平台退款 83477201140002）");
    // reported again: the case has ended, nothing is recorded twice
    Assertions.assertThat(event(orderId, "PAID").outcome()).isEqualTo("IGNORED");
    Assertions.assertThat(timeline(pi))
        .containsOnlyOnce("平台确认退款成功，已退款 40.00 元（平台退款 83477201140002）");
  }

  // ---------------------------------------------------------------- shipped, not received

  @Test
  void shouldRefundTheWholeOrderWhenTheParcelIsRecovered() {
    String orderId = shippedOrder();
    ProcessInstance pi = open(orderId);
    Task intercept = taskOf(pi, "userTask_interceptParcel");
    assertThat(intercept).hasCandidateGroup("warehouse");
    Assertions.assertThat(intercept.getDueDate()).isCloseTo(hoursFromNow(7 * 24), 60_000);
    Assertions.assertThat(flags(orderId)).containsExactly("YELLOW", "PURPLE");
    complete(pi, "userTask_interceptParcel", vars("interceptOutcome", "RECOVERED"));
    // recovered, finance not yet decided: still held
    Assertions.assertThat(flags(orderId)).containsExactly("YELLOW", "PURPLE");
    financeAgrees(pi, "userTask_approveRefund");
    assertThat(pi).isEnded().hasPassed("endEvent_refundAgreed");
    Assertions.assertThat(flags(orderId)).isEmpty();
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("40.00");
  }

  @Test
  void shouldRejectWithEvidenceAndRefundWhenTheBuyerFilesAgain() {
    String orderId = shippedOrder();
    ProcessInstance pi = open(orderId);
    assertRefused(pi, "userTask_interceptParcel", vars("interceptOutcome", "NOT_RECOVERABLE"))
        .hasMessageContaining("请填写拦截情况");
    complete(
        pi,
        "userTask_interceptParcel",
        vars("interceptOutcome", "NOT_RECOVERABLE", "interceptNote", "快递已派送中，无法拦截"));
    complete(
        pi,
        "userTask_explainNotRecoverable",
        told(vars("rejectExplanation", "包裹已在派送，请拒收后再申请", "rejectEvidence", "物流截图 2026-11-23")));
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("gateway_awaitRefile");
    Assertions.assertThat(orders.remarks(orderId, "remark_internal")).contains("包裹退回后请买家再次申请");
    // rejected: nothing held any more; the refund is not finished, its reason stays noted
    Assertions.assertThat(flags(orderId)).containsExactly("PURPLE");

    Assertions.assertThat(event(orderId, "REFILED").outcome()).isEqualTo("APPLIED");
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("userTask_approveRefund");
    Assertions.assertThat(answerDue(pi)).isCloseTo(hoursFromNow(7 * 24), 60_000);
    // a second, late copy of the same event changes nothing
    Assertions.assertThat(event(orderId, "REFILED").outcome()).isEqualTo("IGNORED");
    financeAgrees(pi, "userTask_approveRefund");
    assertThat(pi).isEnded().hasPassed("message_refiled", "endEvent_refundAgreed");
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("40.00");
  }

  @Test
  void shouldCloseWhenTheBuyerNeverFilesAgain() {
    String orderId = shippedOrder();
    ProcessInstance pi = open(orderId);
    complete(
        pi,
        "userTask_interceptParcel",
        vars("interceptOutcome", "NOT_RECOVERABLE", "interceptNote", "已签收前无法拦截"));
    complete(
        pi,
        "userTask_explainNotRecoverable",
        told(vars("rejectExplanation", "无法拦截", "rejectEvidence", "物流记录")));
    runDueJobs(pi);
    moveClock(Duration.ofDays(15).plusMinutes(1));
    runDueTimers(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_notRefiled");
    Assertions.assertThat(record(pi).category()).isEqualTo("REJECTED");
    Assertions.assertThat(flags(orderId)).isEmpty();
  }

  @Test
  void shouldEscalateAShippedOrdersRefundAfterSixDays() {
    ProcessInstance pi = open(shippedOrder());
    moveClock(Duration.ofDays(6).plusMinutes(1));
    runDueTimers(pi);
    assertThat(taskOf(pi, "userTask_interceptParcel")).hasCandidateGroup("supervisors");
    assertThat(pi).isWaitingAt("userTask_interceptParcel");
  }

  // ---------------------------------------------------------------- received

  @Test
  void shouldRefundPartOfAReceivedOrderWithoutAReturn() {
    String orderId = receivedOrder();
    ProcessInstance pi = open(orderId, Map.of("refundAmount", 12.5));
    assertThat(pi).isWaitingAt("userTask_approveRefund");
    financeAgrees(pi, "userTask_approveRefund");
    assertThat(pi).isEnded().hasPassed("endEvent_refundAgreed");
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("12.50");
  }

  @Test
  void shouldWaitForTheReturnAndItsInspectionBeforeFinanceRefunds() {
    String orderId = receivedOrder();
    ProcessInstance pi = open(orderId, Map.of("returnRequired", true));
    assertThat(pi).isWaitingAt("userTask_recordReturnShipment");
    Assertions.assertThat(
            processEngine.getRuntimeService().getVariable(pi.getId(), "returnAddressText"))
        .asString()
        .contains("售后仓");
    assertRefused(
            pi,
            "userTask_recordReturnShipment",
            vars("returnCarrier", "圆通", "returnTrackingNumber", "不是单号"))
        .hasMessageContaining("格式不对");
    moveClock(Duration.ofDays(1));
    complete(
        pi,
        "userTask_recordReturnShipment",
        told(vars("returnCarrier", "圆通速递", "returnTrackingNumber", "YT1234567890")));
    Task inspect = taskOf(pi, "userTask_inspectRefundReturn");
    assertThat(inspect).hasCandidateGroup("warehouse");
    Assertions.assertThat(inspect.getDueDate()).isCloseTo(hoursFromNow(10 * 24), 60_000);
    moveClock(Duration.ofDays(2));
    complete(pi, "userTask_inspectRefundReturn", vars("inspectionResult", "PASSED"));
    runDueJobs(pi);
    // the platform's 10 days count from the buyer's shipment, not from the inspection
    Assertions.assertThat(answerDue(pi)).isCloseTo(hoursFromNow(8 * 24), 60_000);
    financeAgrees(pi, "userTask_approveRefund");
    assertThat(pi).isEnded().hasPassed("gateway_inspectionPassed", "endEvent_refundAgreed");
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("40.00");
  }

  @Test
  void shouldRejectWhenTheReturnFailsInspection() {
    String orderId = receivedOrder();
    ProcessInstance pi = open(orderId, Map.of("returnRequired", true));
    complete(
        pi,
        "userTask_recordReturnShipment",
        told(vars("returnCarrier", "圆通速递", "returnTrackingNumber", "YT1234567891")));
    assertRefused(pi, "userTask_inspectRefundReturn", vars("inspectionResult", "FAILED"))
        .hasMessageContaining("请填写验货说明");
    complete(
        pi,
        "userTask_inspectRefundReturn",
        vars("inspectionResult", "FAILED", "inspectionNote", "商品已使用，吊牌已剪"));
    runDueJobs(pi);
    // no platform refund carries the refusal: an agent tells the buyer why
    assertThat(taskOf(pi, "userTask_explainRejection")).hasCandidateGroup("agents");
    completeAs(pi, "userTask_explainRejection", "agent1", told(vars()));
    assertThat(pi).isEnded().hasPassed("serviceTask_rejectRefund", "endEvent_refundRejected");
    Assertions.assertThat(orders.remarks(orderId, "remark_finance")).contains("验货不通过：商品已使用");
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("0");
  }

  @Test
  void shouldCloseWhenTheBuyerNeverShipsTheReturn() {
    ProcessInstance pi = open(receivedOrder(), Map.of("returnRequired", true));
    moveClock(Duration.ofDays(7).plusMinutes(1));
    runDueTimers(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_returnNotShipped");
    Assertions.assertThat(record(pi).category()).isEqualTo("WITHDRAWN");
  }

  // ---------------------------------------------------------------- after the trade succeeded

  @Test
  void shouldTransferToTheBuyersCheckedAccountAfterTheTradeSucceeded() {
    String orderId = orders.create("buyer_r", "40.00", 1);
    ProcessInstance pi = open(orderId, Map.of("refundAmount", 15.0));
    assertThat(pi).isWaitingAt("userTask_collectAccount");
    assertRefused(pi, "userTask_collectAccount", payee("ALIPAY", "12345", true))
        .hasMessageContaining("支付宝账号应为 11 位手机号或邮箱");
    assertRefused(pi, "userTask_collectAccount", payee("BANK_CARD", "6222020200112233445", true))
        .hasMessageContaining("请填写开户银行");
    assertRefused(pi, "userTask_collectAccount", payee("ALIPAY", "13800001234", false))
        .hasMessageContaining("请先与买家核对收款账户");
    complete(pi, "userTask_collectAccount", payee("ALIPAY", "13800001234", true));
    runDueJobs(pi);
    Task transfer = taskOf(pi, "userTask_transferRefund");
    assertThat(transfer).hasCandidateGroup("finance");
    Assertions.assertThat(orders.remarks(orderId, "remark_finance"))
        .contains("支付宝 张三 *******1234")
        .doesNotContain("13800001234");
    // nor does the case's timeline, which every colleague can read
    Assertions.assertThat(caseRepository.timeline(pi.getBusinessKey()).toString())
        .contains("*******1234")
        .doesNotContain("13800001234");
    fireTimer(pi, "timer_refundEscalation");
    assertThat(taskOf(pi, "userTask_transferRefund")).hasCandidateGroup("supervisors");
    financeAgrees(pi, "userTask_transferRefund");
    assertThat(pi)
        .isEnded()
        .hasPassed("endEvent_transferEscalated", "endEvent_refundAgreed")
        .variables()
        .containsEntry("refundSettlement", "TRANSFER");
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("15.00");
  }

  @Test
  void shouldEndWithoutTasksWhenNothingIsLeftToRefund() {
    String orderId = receivedOrder();
    ProcessInstance pi = openWithoutJobs(orderId, Map.of());
    // before the request is read, the back office refunded the order in full
    shop.agreeRefund(orderId, null, new java.math.BigDecimal("40.00"), "后台已退");
    runDueJobs(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("endEvent_nothingToRefund")
        .variables()
        .containsEntry("refundOutcome", "NONE");
    Assertions.assertThat(orders.remarks(orderId, "remark_internal")).contains("退款申请无法处理");
    Assertions.assertThat(record(pi).category()).isEqualTo("NONE");
  }

  // ---------------------------------------------------------------- only finance agrees

  @Test
  void shouldLetOnlyFinanceAgreeEvenAfterEscalation() {
    String orderId = receivedOrder();
    ProcessInstance pi = open(orderId);
    moveClock(Duration.ofDays(6).plusMinutes(1));
    runDueTimers(pi);
    Task approve = taskOf(pi, "userTask_approveRefund");
    assertThat(approve).hasCandidateGroup("supervisors");
    processEngine.getTaskService().setAssignee(approve.getId(), "supervisor");
    assertRefused(pi, "userTask_approveRefund", vars("refundDecision", "AGREE"))
        .hasMessageContaining("只有财务");
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("0");
    // a supervisor may reject with a reason
    processEngine
        .getTaskService()
        .complete(approve.getId(), vars("refundDecision", "REJECT", "financeNote", "买家已同意换货"));
    runDueJobs(pi);
    completeAs(pi, "userTask_explainRejection", "agent1", told(vars()));
    assertThat(pi).isEnded().hasPassed("userTask_explainRejection", "endEvent_refundRejected");
  }

  // ---------------------------------------------------------------- disputes

  @Test
  void shouldRefundThroughFinanceWhenTheSellerAcceptsTheBuyersEvidence() {
    String orderId = receivedOrder();
    ProcessInstance pi = open(orderId);
    Assertions.assertThat(event(orderId, "DISPUTED").outcome()).isEqualTo("APPLIED");
    runDueJobs(pi);
    Task confirm = taskOf(pi, "userTask_confirmEvidence");
    assertThat(confirm).hasCandidateGroup("agents");
    Assertions.assertThat(confirm.getDueDate()).isCloseTo(hoursFromNow(24), 60_000);
    Assertions.assertThat(event(orderId, "DISPUTED").outcome()).isEqualTo("IGNORED");
    complete(
        pi, "userTask_confirmEvidence", vars("evidenceAnswer", "ACCEPT", "disputeNote", "照片属实"));
    runDueJobs(pi);
    Task approve = taskOf(pi, "userTask_approveRefund");
    // finance has what is left of the 24 hours, not a new window
    Assertions.assertThat(approve.getDueDate()).isCloseTo(hoursFromNow(24), 60_000);
    financeAgrees(pi, "userTask_approveRefund");
    assertThat(pi).isEnded().hasPassed("message_disputed", "endEvent_refundAgreed");
  }

  @Test
  void shouldSendAnUnconfirmedDisputeToThePlatformsReviewerNotRefundIt() {
    String orderId = receivedOrder();
    ProcessInstance pi = open(orderId);
    event(orderId, "DISPUTED");
    runDueJobs(pi);
    moveClock(Duration.ofHours(20).plusMinutes(1));
    runDueTimers(pi);
    assertThat(taskOf(pi, "userTask_confirmEvidence")).hasCandidateGroup("supervisors");
    moveClock(Duration.ofHours(4));
    runDueTimers(pi);
    // seed 000: an unconfirmed dispute goes to a platform reviewer; the seller still has its
    // 3 days to hand in its own evidence
    assertThat(pi).hasPassed("endEvent_disputeEscalated", "timer_disputeDeadline");
    Task evidence = taskOf(pi, "userTask_submitSellerEvidence");
    assertThat(evidence).hasCandidateGroup("agents");
    Assertions.assertThat(evidence.getDueDate()).isCloseTo(hoursFromNow(48), 120_000);
    Assertions.assertThat(timeline(pi)).anyMatch(line -> line.contains("24 小时内未确认买家凭证，平台转人工审核"));
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("0");
    // nothing uploaded: the task is not done
    assertRefused(
            pi,
            "userTask_submitSellerEvidence",
            vars("sellerEvidenceUploaded", false, "disputeNote", "稍后上传"))
        .hasMessageContaining("上传我方凭证");
    // the window closes without the seller's evidence: recorded, the review goes on
    moveClock(Duration.ofHours(48));
    runDueTimers(pi);
    runDueJobs(pi);
    assertThat(pi)
        .hasPassed("timer_evidenceWindowClosed", "serviceTask_evidenceWindowClosed")
        .isWaitingAt("receiveTask_platformVerdict");
    Assertions.assertThat(orders.remarks(orderId, "remark_internal")).contains("举证期已结束，我方未提交凭证");
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("0");
    event(orderId, "PAID");
    runDueJobs(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_paidByBackOffice");
  }

  @Test
  void shouldEndAsTheBackOfficeReportsAfterTheSellerContested() {
    String orderId = receivedOrder();
    ProcessInstance pi = open(orderId);
    event(orderId, "DISPUTED");
    runDueJobs(pi);
    complete(
        pi,
        "userTask_confirmEvidence",
        vars("evidenceAnswer", "CONTEST", "disputeNote", "照片非本店商品"));
    runDueJobs(pi);
    Task evidence = taskOf(pi, "userTask_submitSellerEvidence");
    // the 3-day window runs from the buyer asking the platform to step in
    Assertions.assertThat(evidence.getDueDate()).isCloseTo(hoursFromNow(72), 120_000);
    complete(
        pi,
        "userTask_submitSellerEvidence",
        vars("sellerEvidenceUploaded", true, "disputeNote", "照片非本店商品"));
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("receiveTask_platformVerdict");
    Assertions.assertThat(orders.remarks(orderId, "remark_internal")).contains("已向平台提交反证：照片非本店商品");
    Assertions.assertThat(event(orderId, "PAID").outcome()).isEqualTo("APPLIED");
    runDueJobs(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("serviceTask_recordPaid", "endEvent_paidByBackOffice")
        .variables()
        .containsEntry("refundOutcome", "AGREED")
        .containsEntry("refundSettlement", "BACK_OFFICE");
    // the same event again, and once more late: harmless
    Assertions.assertThat(event(orderId, "PAID").outcome()).isEqualTo("IGNORED");
    Assertions.assertThat(record(pi).status()).isEqualTo(CaseStatus.CLOSED);
  }

  /** Contests a dispute opened at {@code local} (shop time) and hands in the seller's evidence. */
  private ProcessInstance contestedDisputeOpenedAt(String orderId, String local) {
    ClockUtil.setCurrentTime(
        Date.from(java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toInstant()));
    ProcessInstance pi = open(orderId);
    event(orderId, "DISPUTED");
    runDueJobs(pi);
    complete(
        pi, "userTask_confirmEvidence", vars("evidenceAnswer", "CONTEST", "disputeNote", "反证已提交"));
    complete(
        pi,
        "userTask_submitSellerEvidence",
        vars("sellerEvidenceUploaded", true, "disputeNote", "发货视频与包装照片"));
    runDueJobs(pi);
    return pi;
  }

  private static Date shopTime(String local) {
    return Date.from(java.time.LocalDateTime.parse(local).atZone(SHANGHAI).toInstant());
  }

  @Test
  void shouldAskASupervisorToLookUpAVerdictThatNeverArrived() {
    String orderId = receivedOrder();
    // opened on Tuesday 10:00: evidence until Friday 10:00, then 4 working days = Thursday 10:00
    ProcessInstance pi = contestedDisputeOpenedAt(orderId, "2026-11-24T10:00:00");
    Job verdictTimer =
        processEngine
            .getManagementService()
            .createJobQuery()
            .processInstanceId(pi.getId())
            .timers()
            .singleResult();
    Assertions.assertThat(verdictTimer.getDuedate()).isEqualTo(shopTime("2026-12-03T10:00:00"));
    // 6 calendar days after Friday (Thursday 10:00 minus a minute): still waiting, not overdue
    ClockUtil.setCurrentTime(shopTime("2026-12-03T09:59:00"));
    runDueTimers(pi);
    assertThat(pi).isWaitingAt("receiveTask_platformVerdict");
    ClockUtil.setCurrentTime(shopTime("2026-12-03T10:01:00"));
    runDueTimers(pi);
    Task check = taskOf(pi, "userTask_checkVerdict");
    assertThat(check).hasCandidateGroup("supervisors");
    complete(pi, "userTask_checkVerdict", vars("verdict", "CLOSED", "verdictNote", "平台判卖家胜"));
    runDueJobs(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_verdictClosed");
    Assertions.assertThat(record(pi).category()).isEqualTo("CLOSED");
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("0");
    Assertions.assertThat(orders.remarks(orderId, "remark_internal"))
        .contains("平台最迟 2026-12-03 10:00 前裁决");

    String other = receivedOrder();
    // opened on a Monday: evidence until Thursday, reviewed by the next Wednesday
    ProcessInstance refunded = contestedDisputeOpenedAt(other, "2026-11-23T15:00:00");
    ClockUtil.setCurrentTime(shopTime("2026-12-02T15:01:00"));
    runDueTimers(refunded);
    complete(refunded, "userTask_checkVerdict", vars("verdict", "REFUNDED"));
    runDueJobs(refunded);
    assertThat(refunded).isEnded().hasPassed("gateway_verdict", "endEvent_platformRefunded");
    Assertions.assertThat(orders.remarks(other, "remark_internal")).contains("平台裁决退款");
  }

  // ---------------------------------------------------------------- events from the back office

  @Test
  void shouldEndTheCaseWhenTheBackOfficeClosesTheRefundOrTheBuyerWithdraws() {
    String closedOrder = unshippedOrder(30);
    ProcessInstance closed = open(closedOrder);
    RefundDesk.EventResult result = event(closedOrder, "closed");
    Assertions.assertThat(result.outcome()).isEqualTo("APPLIED");
    Assertions.assertThat(result.caseIds()).containsExactly(closed.getBusinessKey());
    runDueJobs(closed);
    assertThat(closed).isEnded().hasPassed("endEvent_closedByBackOffice");
    Assertions.assertThat(
            processEngine
                .getTaskService()
                .createTaskQuery()
                .processInstanceId(closed.getId())
                .count())
        .isZero();
    Assertions.assertThat(record(closed).category()).isEqualTo("CLOSED");

    String withdrawnOrder = shippedOrder();
    ProcessInstance withdrawn = open(withdrawnOrder);
    event(withdrawnOrder, "WITHDRAWN");
    runDueJobs(withdrawn);
    assertThat(withdrawn).isEnded().hasPassed("endEvent_withdrawnByBuyer");
    Assertions.assertThat(orders.remarks(withdrawnOrder, "remark_internal")).contains("买家已撤销退款申请");
    Assertions.assertThat(record(withdrawn).category()).isEqualTo("WITHDRAWN");
  }

  @Test
  void shouldIgnoreEventsForOrdersWithoutARefundAndRefuseUnknownOnes() {
    String quiet = receivedOrder();
    Assertions.assertThat(event(quiet, "PAID").outcome()).isEqualTo("IGNORED");
    Assertions.assertThatThrownBy(() -> event("NO-SUCH-ORDER", "PAID"))
        .isInstanceOf(UnknownOrderException.class);
    Assertions.assertThatThrownBy(() -> event(quiet, "REFUNDED_TWICE"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("可选：PAID");
    Assertions.assertThatThrownBy(() -> event(" ", "PAID")).hasMessageContaining("请填写订单编号");
    Assertions.assertThatThrownBy(
            () ->
                as(
                    "agent1",
                    "agents",
                    () -> desk.receive(new RefundDesk.Event(quiet, "PAID", null))))
        .isInstanceOf(ForbiddenException.class);
  }

  // ---------------------------------------------------------------- bulk approval

  @Test
  void shouldAgreeManyRefundsOneByOneAndReportEachItem() {
    String good1 = receivedOrder();
    String good2 = receivedOrder();
    String overdrawn = receivedOrder();
    String claimed = receivedOrder();
    ProcessInstance p1 = open(good1, Map.of("refundAmount", 10.0));
    ProcessInstance p2 = open(good2);
    ProcessInstance p3 = open(overdrawn);
    ProcessInstance p4 = open(claimed);
    // meanwhile part of this order was refunded elsewhere: 40 is now too much
    shop.agreeRefund(overdrawn, null, new java.math.BigDecimal("5.00"), "差价");
    processEngine
        .getTaskService()
        .setAssignee(taskOf(p4, "userTask_approveRefund").getId(), "finance2");

    RefundDesk.PendingPage page = as("finance", "finance", () -> desk.pending(0, 200));
    Assertions.assertThat(page.items())
        .extracting(RefundDesk.Pending::caseId)
        .contains(p1.getBusinessKey(), p2.getBusinessKey(), p3.getBusinessKey());

    List<RefundDesk.Item> items =
        List.of(
            new RefundDesk.Item(taskOf(p1, "userTask_approveRefund").getId(), "核对无误"),
            new RefundDesk.Item(taskOf(p3, "userTask_approveRefund").getId(), null),
            new RefundDesk.Item("no-such-task", null),
            new RefundDesk.Item(taskOf(p4, "userTask_approveRefund").getId(), null),
            new RefundDesk.Item(taskOf(p2, "userTask_approveRefund").getId(), null));
    RefundDesk.BulkResult result = as("finance", "finance", () -> desk.approve(items));

    Assertions.assertThat(result.done()).isEqualTo(2);
    Assertions.assertThat(result.refused()).isEqualTo(3);
    Assertions.assertThat(result.results())
        .extracting(RefundDesk.ItemResult::result)
        .containsExactly("DONE", "REFUSED", "REFUSED", "REFUSED", "DONE");
    Assertions.assertThat(result.results().get(1).reason()).contains("超过买家实付可退金额 35.00 元");
    Assertions.assertThat(result.results().get(2).reason()).contains("找不到");
    Assertions.assertThat(result.results().get(3).reason()).contains("已由 finance2 认领");
    for (ProcessInstance pi : List.of(p1, p2, p3, p4)) {
      runDueJobs(pi);
    }
    assertThat(p1).isEnded().hasPassed("endEvent_refundAgreed");
    assertThat(p2).isEnded().hasPassed("endEvent_refundAgreed");
    Assertions.assertThat(orders.refunded(good1)).isEqualByComparingTo("10.00");
    Assertions.assertThat(orders.refunded(good2)).isEqualByComparingTo("40.00");
    // the refused one is untouched: still open, unclaimed, nothing refunded by the batch
    assertThat(p3).isWaitingAt("userTask_approveRefund");
    Assertions.assertThat(taskOf(p3, "userTask_approveRefund").getAssignee()).isNull();
    Assertions.assertThat(orders.refunded(overdrawn)).isEqualByComparingTo("5.00");
    assertThat(p4).isWaitingAt("userTask_approveRefund");

    Assertions.assertThatThrownBy(() -> as("supervisor", "supervisors", () -> desk.approve(items)))
        .isInstanceOf(ForbiddenException.class);
    Assertions.assertThatThrownBy(() -> as("finance", "finance", () -> desk.approve(List.of())))
        .hasMessageContaining("请至少选择一笔退款");
  }

  // ---------------------------------------------------------------- a failing back office

  @Test
  void shouldRetryAFailingBackOfficeThenRaiseAnIncidentAndContinueOnceResolved() {
    String orderId = receivedOrder();
    ProcessInstance pi = openWithoutJobs(orderId, Map.of());
    var management = processEngine.getManagementService();
    management.executeJob(
        management.createJobQuery().processInstanceId(pi.getId()).singleResult().getId());
    doThrow(new ShopUnavailableException("back office timeout", null))
        .when(shop)
        .setFlag(anyString(), any(), anyString());
    Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    Assertions.assertThat(job.getRetries()).isEqualTo(3);
    for (int attempt = 1; attempt <= 3; attempt++) {
      Assertions.assertThatThrownBy(() -> management.executeJob(job.getId()))
          .hasMessageContaining("back office timeout");
    }
    Assertions.assertThat(
            management.createJobQuery().jobId(job.getId()).singleResult().getRetries())
        .isZero();
    Incident incident =
        processEngine
            .getRuntimeService()
            .createIncidentQuery()
            .processInstanceId(pi.getId())
            .singleResult();
    Assertions.assertThat(incident.getActivityId()).isEqualTo("serviceTask_startAnswerClock");
    Assertions.assertThat(incident.getIncidentMessage()).contains("back office timeout");
    Assertions.assertThat(orders.flag(orderId)).isNull();

    reset(shop);
    // what an operator does in Cockpit: give the job another try
    management.setJobRetries(job.getId(), 1);
    management.executeJob(job.getId());
    assertThat(pi).isWaitingAt("userTask_approveRefund");
    Assertions.assertThat(orders.flag(orderId)).isEqualTo("PURPLE");
    Assertions.assertThat(
            processEngine
                .getRuntimeService()
                .createIncidentQuery()
                .processInstanceId(pi.getId())
                .count())
        .isZero();
  }

  @Test
  void shouldWaitAMinuteBetweenRetries() {
    ProcessInstance pi = openWithoutJobs(receivedOrder(), Map.of());
    doThrow(new ShopUnavailableException("back office down", null))
        .when(shop)
        .findOrder(anyString());
    var management = processEngine.getManagementService();
    Job job = management.createJobQuery().processInstanceId(pi.getId()).singleResult();
    // the engine's clock stands still while the step fails, however long that takes
    long failedAt = ClockUtil.getCurrentTime().getTime();
    ClockUtil.setCurrentTime(new java.util.Date(failedAt));
    Assertions.assertThatThrownBy(() -> management.executeJob(job.getId()))
        .hasMessageContaining("back office down");
    Job retried = management.createJobQuery().jobId(job.getId()).singleResult();
    Assertions.assertThat(retried.getRetries()).isEqualTo(2);
    Assertions.assertThat(retried.getDuedate().getTime()).isEqualTo(failedAt + 60_000);
  }

  private List<String> flags(String orderId) {
    return shop.flags(orderId).stream().map(f -> f.flag().name()).toList();
  }
}
