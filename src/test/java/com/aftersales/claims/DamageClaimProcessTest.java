package com.aftersales.claims;

import static com.aftersales.support.ClaimSteps.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseEvent;
import com.aftersales.cases.CaseKind;
import com.aftersales.cases.CaseStatus;
import com.aftersales.cases.photos.CasePhotos;
import com.aftersales.shop.ShopEvent.RefundSucceeded;
import com.aftersales.shop.ShopEvent.Source;
import com.aftersales.shop.ShopEvents;
import com.aftersales.support.ProcessPathTest;
import com.aftersales.support.TestPhotos;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Every path of {@code bpmn/damage-claim.bpmn}. */
class DamageClaimProcessTest extends ProcessPathTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired ShopEvents events;
  @Autowired CasePhotos photos;

  DamageClaimProcessTest() {
    super("damage-claim");
  }

  private ProcessInstance open(String price, int quantity) {
    return openCase(CaseKind.DAMAGE, "buyer_d", price, quantity, "收到时杯子碎了");
  }

  private ProcessInstance atOffer(String price, int qty, String damageType, long defective) {
    ProcessInstance pi = open(price, qty);
    complete(pi, "userTask_collectEvidence", evidence());
    complete(pi, "userTask_checkEvidence", damage(damageType, defective, false));
    assertThat(pi).isWaitingAt("userTask_offerResolution");
    return pi;
  }

  @Test
  void shouldReshipUntilTheBuyerHasTheParcel() {
    ProcessInstance pi = atOffer("80.00", 2, "UNUSABLE", 1);
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "RESHIP", "resolutionNote", "买家要求补发")));
    assertThat(pi).isWaitingAt("callActivity_reship");
    runDueJobs(pi);
    complete(pi, "userTask_shipReshipment", shipped());
    runDueJobs(pi);
    complete(pi, "userTask_followReshipment", received());

    assertThat(pi).isEnded().hasPassed("endEvent_reshipped");
    String orderId = orderOf(pi);
    Assertions.assertThat(
            orders.count(
                "select count(*) from reship_form where original_order_id = ? and quantity = 1"
                    + " and tracking_number = 'SF1234567890' and received_at is not null",
                orderId))
        .isEqualTo(1);
    Assertions.assertThat(
            orders.count("select count(*) from shop_order where order_id = ?", "RE" + orderId))
        .isEqualTo(1);
    Assertions.assertThat(caseRepository.find(pi.getBusinessKey()).orElseThrow().status())
        .isEqualTo(CaseStatus.CLOSED);
    Assertions.assertThat(caseRepository.find(pi.getBusinessKey()).orElseThrow().outcome())
        .isEqualTo("reshipped");
  }

  /** The steps the case's called refunds passed, in the order they ran. */
  private java.util.List<String> refundSteps(ProcessInstance pi) {
    var history = processEngine.getHistoryService();
    return history
        .createHistoricProcessInstanceQuery()
        .superProcessInstanceId(pi.getId())
        .processDefinitionKey("refund")
        .list()
        .stream()
        .flatMap(
            r ->
                history
                    .createHistoricActivityInstanceQuery()
                    .processInstanceId(r.getId())
                    .orderByHistoricActivityInstanceStartTime()
                    .asc()
                    .list()
                    .stream())
        .map(HistoricActivityInstance::getActivityId)
        .toList();
  }

  private java.util.List<String> timeline(ProcessInstance pi) {
    return caseRepository.timeline(pi.getBusinessKey()).stream().map(CaseEvent::detail).toList();
  }

  @Test
  void shouldPayCompensationWithinTheAgentLimitWithoutApproval() {
    // the demo order T1001's shape: one item, delivered, the trade succeeded, nothing filed
    ProcessInstance pi = atOffer("89.00", 1, "USABLE", 1);
    assertThat(pi)
        .variables()
        .containsEntry("suggestedCompensation", 2.0)
        .containsEntry("agentLimit", 5.0);
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "ACCEPT_COMPENSATION", "offeredCompensation", 5.0)));
    runDueJobs(pi);
    String orderId = orderOf(pi);

    // no refund of the buyer's on the platform: the shop pays, to the account the agent checks
    Task collect = taskOf(pi, "userTask_collectAccount");
    assertThat(collect).hasCandidateGroup("agents");
    var shown = processEngine.getTaskService().getVariables(collect.getId());
    Assertions.assertThat(shown.get("refundAmount")).isEqualTo(5.0);
    Assertions.assertThat(shown.get("refundReason")).isEqualTo("破损补偿");
    Assertions.assertThat(shown.get("platformRefundId")).isNull();
    Assertions.assertThat(refundSteps(pi)).doesNotContain("serviceTask_startAnswerClock");
    Assertions.assertThat(timeline(pi))
        .anyMatch(d -> d.contains("买家没有在平台申请退款，平台不会支付这笔钱（5.00 元：破损补偿）"));
    complete(pi, "userTask_collectAccount", alipay());
    runDueJobs(pi);

    // reported to finance: purple flag, finance's remark, the shop's own 48 hours
    Assertions.assertThat(orders.flag(orderId)).isEqualTo("PURPLE");
    Assertions.assertThat(orders.remarks(orderId, "remark_finance"))
        .contains("待转账 转账退款 5.00 元至支付宝 林晓 *******1234：破损补偿");
    Task transfer = taskOf(pi, "userTask_transferRefund");
    assertThat(transfer).hasCandidateGroup("finance");
    Assertions.assertThat(transfer.getDueDate()).isNotNull();
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo(BigDecimal.ZERO);
    Assertions.assertThat(timeline(pi)).noneMatch(d -> d.contains("已转账"));
    completeAs(pi, "userTask_transferRefund", "finance", transferred());
    runDueJobs(pi);

    assertThat(pi)
        .isEnded()
        .hasPassed("endEvent_settled")
        .hasNotPassed("userTask_approveResolution", "callActivity_reshipSealRing");
    Assertions.assertThat(refundSteps(pi))
        .contains("userTask_collectAccount", "serviceTask_reportRefund", "endEvent_refundAgreed")
        .doesNotContain("serviceTask_startAnswerClock", "serviceTask_recordPlatformRefund");
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("5.00");
    Assertions.assertThat(orders.remarks(orderId, "remark_finance"))
        .contains("财务已转账 5.00 元（转账至支付宝 林晓 *******1234）：破损补偿");
    Assertions.assertThat(orders.remarks(orderId, "remark_internal")).doesNotContain("平台");
    Assertions.assertThat(timeline(pi)).contains("财务已转账 5.00 元（转账至支付宝 林晓 *******1234）：破损补偿");
    verify(shop)
        .recordTransfer(eq(orderId), argThat(a -> a.compareTo(new BigDecimal("5")) == 0), any());
    verify(shop, never()).agreeRefund(eq(orderId), any(), any(), any());
    verify(shop, never()).recordPlatformRefund(eq(orderId), any(), any());
  }

  @Test
  void shouldPayTheSuggestedCompensationWhenTheAgentOnlyRecordsTheBuyersChoice() {
    ProcessInstance pi = atOffer("89.00", 1, "USABLE", 1);
    // the offer form's amount field reads this variable: filled in from the compensation standard
    assertThat(pi)
        .variables()
        .containsEntry("suggestedCompensation", 2.0)
        .containsEntry("offeredCompensation", 2.0);
    complete(pi, "userTask_offerResolution", told(vars("buyerChoice", "ACCEPT_COMPENSATION")));
    runDueJobs(pi);
    Task collect = taskOf(pi, "userTask_collectAccount");
    Assertions.assertThat(
            processEngine.getTaskService().getVariable(collect.getId(), "refundAmount"))
        .isEqualTo(2.0);
    Assertions.assertThat(timeline(pi)).anyMatch(d -> d.contains("已按建议补偿预填，可修改）：2"));
  }

  @Test
  void shouldKeepThePrefilledCompensationOutOfARefundAndOfferItAgain() {
    ProcessInstance pi = atOffer("50.00", 1, "USABLE", 1);
    assertThat(pi).variables().containsEntry("offeredCompensation", 2.0);
    complete(
        pi, "userTask_offerResolution", told(vars("buyerChoice", "REFUND", "refundAmount", 50)));
    Assertions.assertThat(
            processEngine.getRuntimeService().getVariable(pi.getId(), "offeredCompensation"))
        .isNull();
    Assertions.assertThat(timeline(pi))
        .anyMatch(d -> d.contains("买家的选择：退款"))
        .noneMatch(d -> d.contains("补偿金额"));
    runDueJobs(pi);
    financeRejects(pi, "收款账户与买家姓名不符，请重新核对");
    complete(pi, "userTask_explainRejection", told(vars()));
    assertThat(pi)
        .isWaitingAt("userTask_offerResolution")
        .variables()
        .containsEntry("offeredCompensation", 2.0);
  }

  @Test
  void shouldEscalateTheTransferToTheSupervisorBeforeThe48HoursRunOut() {
    ProcessInstance pi = atOffer("89.00", 1, "USABLE", 1);
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "ACCEPT_COMPENSATION", "offeredCompensation", 3.0)));
    runDueJobs(pi);
    complete(pi, "userTask_collectAccount", alipay());
    runDueJobs(pi);
    // no platform clock runs out on money the shop offered: its own deadline escalates instead
    moveClock(java.time.Duration.ofDays(8));
    runDueTimers(pi);
    assertThat(taskOf(pi, "userTask_transferRefund")).hasCandidateGroup("supervisors");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo(BigDecimal.ZERO);
    Assertions.assertThat(orders.remarks(orderOf(pi), "remark_internal")).doesNotContain("平台已自动退款");
    completeAs(pi, "userTask_transferRefund", "finance", transferred());
    runDueJobs(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_settled");
    Assertions.assertThat(refundSteps(pi))
        .contains("endEvent_transferEscalated")
        .doesNotContain("serviceTask_recordPlatformRefund");
  }

  @Test
  void shouldAnswerTheBuyersOpenPlatformRefundUnderThePlatformsClock() {
    ProcessInstance pi = atOffer("100.00", 1, "USABLE", 1);
    String orderId = orderOf(pi);
    String refundId = "8347712" + (System.nanoTime() % 100_000);
    doReturn(List.of(platformRefund(refundId, orderId, "5.00"))).when(shop).openRefunds(orderId);
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "ACCEPT_COMPENSATION", "offeredCompensation", 5.0)));
    runDueJobs(pi);

    // the money goes through the buyer's refund: the platform's clock runs, finance approves it
    Task approve = taskOf(pi, "userTask_approveRefund");
    assertThat(approve).hasCandidateGroup("finance");
    Assertions.assertThat(
            processEngine.getTaskService().getVariable(approve.getId(), "platformRefundId"))
        .isEqualTo(refundId);
    Assertions.assertThat(refundSteps(pi)).contains("serviceTask_startAnswerClock");
    Assertions.assertThat(taskOf(pi, "userTask_collectAccount")).isNull();
    Assertions.assertThat(
            orders.count(
                "select count(*) from refund_platform_link where refund_id = ? and case_id = ?",
                refundId,
                pi.getBusinessKey()))
        .isEqualTo(1);
    Assertions.assertThat(timeline(pi)).anyMatch(d -> d.contains("平台退款编号 " + refundId));
    completeAs(pi, "userTask_approveRefund", "finance", agree());
    runDueJobs(pi);
    verify(shop)
        .agreeRefund(
            eq(orderId), eq(refundId), argThat(a -> a.compareTo(new BigDecimal("5")) == 0), any());
    // paid when the platform says so
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("5.00");
    events.dispatch(
        new RefundSucceeded(
            Source.message("m" + refundId), OffsetDateTime.now(), refundId, orderId, null));
    runDueJobs(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_settled");
    Assertions.assertThat(refundSteps(pi))
        .contains("message_platformRefundSucceeded", "serviceTask_confirmPlatformRefund")
        .doesNotContain("userTask_collectAccount");
  }

  @Test
  void shouldSettleTheClaimWhenThePlatformRefundsBecauseFinanceDidNotAnswerInTime() {
    ProcessInstance pi = atOffer("100.00", 1, "USABLE", 1);
    String orderId = orderOf(pi);
    doReturn(List.of(platformRefund("83477" + (System.nanoTime() % 100_000), orderId, "5.00")))
        .when(shop)
        .openRefunds(orderId);
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "ACCEPT_COMPENSATION", "offeredCompensation", 5.0)));
    runDueJobs(pi);
    // the buyer's refund is open on the platform and the trade succeeded: its seven days run
    moveClock(java.time.Duration.ofDays(7).plusMinutes(1));
    runDueTimers(pi);
    assertThat(pi).isEnded().hasPassed("callActivity_refund", "endEvent_settled");
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("5.00");
    Assertions.assertThat(orders.remarks(orderId, "remark_internal")).contains("平台已自动退款 5.00 元");
  }

  @Test
  void shouldReshipASealRingWhenALeakingItemIsCompensated() {
    ProcessInstance pi = atOffer("60.00", 1, "LEAKING", 1);
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "ACCEPT_COMPENSATION", "offeredCompensation", 5)));
    runDueJobs(pi);
    financeAgrees(pi);
    Assertions.assertThat(taskOf(pi, "userTask_shipReshipment")).isNotNull();
    Assertions.assertThat(
            processEngine
                .getTaskService()
                .getVariable(taskOf(pi, "userTask_shipReshipment").getId(), "reshipItems"))
        .isEqualTo("密封圈（漏液补寄配件）");
    complete(pi, "userTask_shipReshipment", shipped());
    runDueJobs(pi);
    complete(pi, "userTask_followReshipment", received());
    assertThat(pi).isEnded().hasPassed("callActivity_reshipSealRing", "endEvent_settled");
  }

  @Test
  void shouldAskTheSupervisorAboveTheAgentLimitAndOfferAgainWhenRejected() {
    ProcessInstance pi = atOffer("100.00", 1, "USABLE", 1);
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "ACCEPT_COMPENSATION", "offeredCompensation", 12)));
    assertThat(pi).isWaitingAt("userTask_approveResolution");
    assertThat(task(pi)).hasCandidateGroup("supervisors");

    complete(pi, "userTask_approveResolution", vars("approved", false, "approvalNote", "先按标准补偿"));
    assertThat(pi).isWaitingAt("userTask_offerResolution");

    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "ACCEPT_COMPENSATION", "offeredCompensation", 12)));
    complete(pi, "userTask_approveResolution", vars("approved", true, "approvalNote", "老客户，同意"));
    runDueJobs(pi);
    financeAgrees(pi);
    assertThat(pi).isEnded().hasPassed("gateway_approved", "endEvent_settled");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("12.00");
  }

  // ---------------------------------------------------------------- good-review cash-back

  /** A usable item of 100 yuan: 2 yuan compensation agreed with 3 yuan cash-back, paid. */
  private ProcessInstance compensatedWithCashBack() {
    ProcessInstance pi = atOffer("100.00", 1, "USABLE", 1);
    complete(
        pi,
        "userTask_offerResolution",
        told(
            vars(
                "buyerChoice",
                "ACCEPT_COMPENSATION",
                "offeredCompensation",
                2.0,
                "offeredCashBack",
                3.0)));
    runDueJobs(pi);
    financeAgrees(pi);
    // the compensation is paid as agreed; the cash-back waits for the review
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("2.00");
    assertThat(pi).isWaitingAt("userTask_confirmGoodReview");
    assertThat(task(pi)).hasCandidateGroup("agents");
    Assertions.assertThat(timeline(pi)).anyMatch(l -> l.contains("好评返现 3.00 元待核实买家好评后发放"));
    return pi;
  }

  @Test
  void shouldPayTheCashBackOnlyOnceTheAgentHasSeenTheGoodReview() {
    ProcessInstance pi = compensatedWithCashBack();
    complete(pi, "userTask_confirmGoodReview", vars("goodReviewConfirmed", true));
    runDueJobs(pi);
    // the same payment path as the compensation: the called refund, finance agrees
    assertThat(pi).isWaitingAt("callActivity_cashBack");
    financeAgrees(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("callActivity_cashBack", "endEvent_settled")
        .hasNotPassed("serviceTask_noCashBack")
        .variables()
        .containsEntry("cashBackOutcome", "AGREED");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("5.00");
    Assertions.assertThat(timeline(pi)).anyMatch(l -> l.contains("已核实买家好评，好评返现 3.00 元交财务发放"));
  }

  @Test
  void shouldNotPayTheCashBackWhenTheAgentFindsNoReview() {
    ProcessInstance pi = compensatedWithCashBack();
    assertRefused(pi, "userTask_confirmGoodReview", vars("goodReviewConfirmed", false))
        .hasMessageContaining("核实说明");
    complete(
        pi,
        "userTask_confirmGoodReview",
        vars("goodReviewConfirmed", false, "reviewNote", "买家给了中评"));
    runDueJobs(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("serviceTask_noCashBack", "endEvent_settled")
        .hasNotPassed("callActivity_cashBack");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("2.00");
    Assertions.assertThat(orders.remarks(orderOf(pi), "remark_internal"))
        .contains("未见买家好评，好评返现 3.00 元不发放：买家给了中评");
  }

  @Test
  void shouldRemindAndThenDropTheCashBackWhenNoReviewIsConfirmedInTime() {
    ProcessInstance pi = compensatedWithCashBack();
    moveClock(java.time.Duration.ofDays(3).plusMinutes(1));
    runDueTimers(pi);
    runDueJobs(pi);
    assertThat(pi)
        .hasPassed("serviceTask_goodReviewReminder", "endEvent_goodReviewReminded")
        .isWaitingAt("userTask_confirmGoodReview");
    Assertions.assertThat(orders.remarks(orderOf(pi), "remark_internal")).contains("尚未核实到买家好评");
    moveClock(java.time.Duration.ofDays(12));
    runDueTimers(pi);
    runDueJobs(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("timer_goodReviewGiveUp", "serviceTask_noCashBack", "endEvent_settled");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("2.00");
  }

  @Test
  void shouldCountTheCashBackInTheLimitsOfTheOffer() {
    // 20 yuan: the cap is 10, the agent's limit 5 (compensation and cash-back together)
    ProcessInstance pi = atOffer("20.00", 1, "USABLE", 1);
    assertRefused(
            pi,
            "userTask_offerResolution",
            vars(
                "buyerChoice",
                "ACCEPT_COMPENSATION",
                "offeredCompensation",
                2,
                "offeredCashBack",
                9))
        .hasMessageContaining("超过封顶 10.00 元");
    complete(
        pi,
        "userTask_offerResolution",
        told(
            vars(
                "buyerChoice",
                "ACCEPT_COMPENSATION",
                "offeredCompensation",
                2,
                "offeredCashBack",
                4)));
    assertThat(pi).isWaitingAt("userTask_approveResolution");
  }

  // ---------------------------------------------------------------- repair fee (seed 000)

  @Test
  void shouldDeductTheRepairFeeWhenTheBuyerUnpackedAndUsedTheGoods() {
    ProcessInstance pi = atOffer("50.00", 2, "UNUSABLE", 2);
    // shown to the agent before agreeing: 20 % of the two defective items' value
    assertThat(pi).variables().containsEntry("repairFee", 20.0);
    assertRefused(
            pi,
            "userTask_offerResolution",
            vars("buyerChoice", "RETURN", "buyerUnpackedUsed", true))
        .hasMessageContaining("不接受退货");
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "REFUND", "refundAmount", 100, "buyerUnpackedUsed", true)));
    runDueJobs(pi);
    financeAgrees(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_settled");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("80.00");
    Assertions.assertThat(timeline(pi))
        .anyMatch(l -> l.contains("退款 100.00 元扣除维修费 20.00 元，实退 80.00 元"));
  }

  @Test
  void shouldRefuseCompensationAboveHalfThePriceAndKeepTheTaskOpen() {
    ProcessInstance pi = atOffer("20.00", 1, "USABLE", 1);
    assertRefused(
            pi,
            "userTask_offerResolution",
            vars("buyerChoice", "ACCEPT_COMPENSATION", "offeredCompensation", 11))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("超过封顶 10.00 元");
    assertRefused(
            pi,
            "userTask_offerResolution",
            vars("buyerChoice", "ACCEPT_COMPENSATION", "offeredCompensation", -1))
        .hasMessageContaining("不能为负数");
    assertRefused(
            pi, "userTask_offerResolution", vars("buyerChoice", "REFUND", "refundAmount", 20.01))
        .hasMessageContaining("超过买家实付可退金额 20.00 元");
    assertRefused(pi, "userTask_offerResolution", vars("buyerChoice", "EXCHANGE"))
        .hasMessageContaining("不适用于破损售后");
    assertThat(pi).isWaitingAt("userTask_offerResolution");
  }

  @Test
  void shouldRefundTheDefectiveItems() {
    ProcessInstance pi = atOffer("50.00", 3, "UNUSABLE", 2);
    complete(
        pi, "userTask_offerResolution", told(vars("buyerChoice", "REFUND", "refundAmount", 100)));
    runDueJobs(pi);
    financeAgrees(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_settled");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("100.00");
  }

  @Test
  void shouldPrefillTheRefundOfTheDefectiveItemsFromTheOrder() {
    ProcessInstance pi = atOffer("50.00", 3, "UNUSABLE", 2);
    // UNUSABLE suggests no compensation: nothing to fill in there
    assertThat(pi).variables().containsEntry("refundAmount", 100.0);
    Assertions.assertThat(
            processEngine.getRuntimeService().getVariable(pi.getId(), "offeredCompensation"))
        .isNull();
    complete(pi, "userTask_offerResolution", told(vars("buyerChoice", "REFUND")));
    runDueJobs(pi);
    financeAgrees(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_settled");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("100.00");
  }

  @Test
  void shouldOfferAgainWhenFinanceRejectsTheRefund() {
    ProcessInstance pi = atOffer("50.00", 1, "UNUSABLE", 1);
    complete(
        pi, "userTask_offerResolution", told(vars("buyerChoice", "REFUND", "refundAmount", 50)));
    runDueJobs(pi);
    financeRejects(pi, "收款账户与买家姓名不符，请重新核对");
    complete(pi, "userTask_explainRejection", told(vars()));
    assertThat(pi).isWaitingAt("userTask_offerResolution");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo(BigDecimal.ZERO);
  }

  /**
   * The buyer refuses compensation and sends the goods back within the 13-yuan rule: the claim
   * hands the return to the return flow, which tells the address and waits for the parcel.
   */
  private ProcessInstance returning(String price, int qty, long defective, boolean courier) {
    ProcessInstance pi = open(price, qty);
    complete(pi, "userTask_collectEvidence", evidence());
    complete(pi, "userTask_checkEvidence", damage("USABLE", defective, courier));
    runDueJobs(pi);
    complete(pi, "userTask_offerResolution", told(vars("buyerChoice", "RETURN")));
    complete(pi, "userTask_arrangeReturn", vars("returnPostage", 12, "freightInsurance", 8));
    assertThat(pi)
        .isWaitingAt("callActivity_return")
        .variables()
        .containsEntry("returnPolicy", "SHOP_PAYS_DIFFERENCE");
    runDueJobs(pi);
    Task await = taskOf(pi, "userTask_awaitBuyerShipment");
    assertThat(await).hasCandidateGroup("agents");
    Assertions.assertThat(await.getDueDate()).isNotNull();
    Assertions.assertThat(
            (String)
                processEngine.getTaskService().getVariableLocal(await.getId(), "buyerMessageText"))
        .contains("请寄回")
        .contains("元由我们承担");
    return pi;
  }

  private void buyerShips(ProcessInstance pi) {
    complete(
        pi,
        "userTask_awaitBuyerShipment",
        told(vars("returnCarrier", "中通快递", "returnTrackingNumber", "ZT20261123")));
  }

  private void warehouseInspects(ProcessInstance pi, boolean resaleable) {
    assertThat(taskOf(pi, "userTask_receiveReturn")).hasCandidateGroup("warehouse");
    completeAs(
        pi,
        "userTask_receiveReturn",
        "warehouse",
        vars(
            "parcels",
            1L,
            "matchesCase",
            true,
            "transitDamage",
            false,
            "resaleable",
            resaleable,
            "inspectionNote",
            "瓶身破损"));
    runDueJobs(pi);
  }

  @Test
  void shouldTakeTheReturnThroughTheReturnFlowRestockAndRefundTheDefectiveItem() {
    ProcessInstance pi = returning("40.00", 2, 1, false);
    buyerShips(pi);
    warehouseInspects(pi, true);
    financeAgrees(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("businessRuleTask_returnPostage", "callActivity_return", "endEvent_returned");
    // one defective item of two: 40.00 + half of the 4.00 postage difference
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("42.00");
    Assertions.assertThat(
            orders.count(
                "select count(*) from return_register where case_id = ? and quantity = 1"
                    + " and tracking_number = 'ZT20261123' and received_by = 'warehouse'"
                    + " and restocked = true and total_amount = 42.00 and return_type = 'QUALITY'",
                pi.getBusinessKey()))
        .isEqualTo(1);
    var record = caseRepository.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(record.status()).isEqualTo(CaseStatus.CLOSED);
    Assertions.assertThat(record.outcome()).isEqualTo("returned");
    Assertions.assertThat(timeline(pi))
        .contains("退货结果：退货已退回仓库并验货，退款 42.00 元已同意")
        .anyMatch(d -> d.startsWith("退回商品验货完好，已入库上架"));
  }

  @Test
  void shouldRemindThenCloseTheClaimWhenTheBuyerNeverShipsTheReturn() {
    ProcessInstance pi = returning("40.00", 1, 1, false);
    fireTimer(pi, "timer_shipmentReminder");
    Assertions.assertThat(
            (String)
                processEngine
                    .getTaskService()
                    .getVariableLocal(
                        taskOf(pi, "userTask_awaitBuyerShipment").getId(), "buyerReminderText"))
        .contains("还没有收到您寄回的包裹");
    fireTimer(pi, "timer_shipmentDeadline");
    assertThat(pi)
        .isEnded()
        .hasPassed("endEvent_returnNotShipped")
        .hasNotPassed("endEvent_returned");
    var record = caseRepository.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(record.outcome()).isEqualTo("returnNotShipped");
    Assertions.assertThat(record.outcomeLabel()).isEqualTo("买家未寄回，退货关闭");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo(BigDecimal.ZERO);
    Assertions.assertThat(timeline(pi)).contains("退货结果：买家超过时限未寄回退货，退货关闭");
  }

  @Test
  void shouldNotRestockAnItemTheWarehouseCannotSellAndEndWhenFinanceRejectsTheRefund() {
    // the courier broke it: its loss is booked once, by the claim
    ProcessInstance pi = returning("30.00", 1, 1, true);
    buyerShips(pi);
    warehouseInspects(pi, false);
    Assertions.assertThat(
            processEngine.getRuntimeService().getVariable(pi.getId(), "returnPostage"))
        .isEqualTo(12.0);
    financeRejects(pi, "买家已走平台退款");
    complete(pi, "userTask_explainRejection", told(vars()));
    assertThat(pi).isEnded().hasPassed("endEvent_returnRefundRejected");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo(BigDecimal.ZERO);
    Assertions.assertThat(
            orders.count(
                "select count(*) from return_register where case_id = ? and restocked = false"
                    + " and resaleable = false and return_type = 'COURIER'",
                pi.getBusinessKey()))
        .isEqualTo(1);
    Assertions.assertThat(
            orders.count(
                "select count(*) from courier_loss where case_id = ?", pi.getBusinessKey()))
        .isEqualTo(1);
    Assertions.assertThat(caseRepository.find(pi.getBusinessKey()).orElseThrow().outcome())
        .isEqualTo("returnRefundRejected");
    Assertions.assertThat(timeline(pi)).contains("退货结果：退货已退回仓库，退款被驳回");
  }

  @Test
  void shouldNegotiateAHigherCompensationWhenReturnPostageExceeds13Yuan() {
    ProcessInstance pi = atOffer("100.00", 1, "USABLE", 1);
    complete(pi, "userTask_offerResolution", told(vars("buyerChoice", "RETURN")));
    complete(pi, "userTask_arrangeReturn", told(vars("returnPostage", 18)));
    assertThat(pi)
        .isWaitingAt("userTask_offerResolution")
        .variables()
        .containsEntry("returnPolicy", "NEGOTIATE_HIGHER_COMPENSATION");
  }

  @Test
  void shouldRecordTheCourierLossWhenTheCourierIsAtFault() {
    ProcessInstance pi = open("30.00", 2);
    complete(pi, "userTask_collectEvidence", evidence());
    complete(pi, "userTask_checkEvidence", damage("UNUSABLE", 2, true));
    assertThat(pi).isWaitingAt("serviceTask_recordCourierLoss");
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("userTask_offerResolution");
    Assertions.assertThat(
            orders.count(
                "select count(*) from courier_loss where case_id = ? and loss_amount = 60.00 and carrier = '顺丰速运'",
                pi.getBusinessKey()))
        .isEqualTo(1);
    Assertions.assertThat(courierLossEntry(pi)).isEqualTo("快递损失 60.00 元，已登记向顺丰速运索赔");
  }

  @Test
  void shouldShowADashWhereTheBackOfficeDoesNotKnowTheCarrierOfACourierLoss() {
    ProcessInstance pi = open("30.00", 1);
    // an order imported without a carrier
    jdbc.update("update shop_order set carrier = null where order_id = ?", orderOf(pi));
    complete(pi, "userTask_collectEvidence", evidence());
    complete(pi, "userTask_checkEvidence", damage("UNUSABLE", 1, true));
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("userTask_offerResolution");
    Assertions.assertThat(
            orders.count(
                "select count(*) from courier_loss where case_id = ? and carrier is null",
                pi.getBusinessKey()))
        .isEqualTo(1);
    // not a made-up carrier called "快递公司"
    Assertions.assertThat(courierLossEntry(pi)).isEqualTo("快递损失 30.00 元，已登记向—索赔");
  }

  private String courierLossEntry(ProcessInstance pi) {
    return caseRepository.timeline(pi.getBusinessKey()).stream()
        .filter(e -> "serviceTask_recordCourierLoss".equals(e.step()))
        .map(CaseEvent::detail)
        .reduce((first, second) -> first + " | " + second)
        .orElseThrow();
  }

  @Test
  void shouldRemindTheBuyerAfter24HoursAndKeepWaiting() {
    ProcessInstance pi = open("30.00", 1);
    fireTimer(pi, "timer_evidenceReminder");
    assertThat(pi)
        .isWaitingAt("userTask_collectEvidence")
        .hasPassed("serviceTask_remindBuyer", "endEvent_reminderSent");
    // the reminder waits for the agent on the open task: nothing says the buyer was reminded
    Assertions.assertThat(orders.remarks(orderOf(pi), "remark_internal"))
        .contains("提醒买家的话已交给客服在千牛发送")
        .doesNotContain("已提醒");
  }

  @Test
  void shouldCloseAsNoEvidenceAfterSevenDays() {
    ProcessInstance pi = open("30.00", 1);
    fireTimer(pi, "timer_evidenceGiveUp");
    assertThat(pi).isEnded().hasPassed("endEvent_noEvidence");
    var record = caseRepository.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(record.outcome()).isEqualTo("noEvidence");
    Assertions.assertThat(record.outcomeLabel()).isEqualTo("无凭证关闭");
  }

  @Test
  void shouldRefuseTooFewDamagePhotosAndAWrongDefectiveCount() {
    ProcessInstance pi = open("30.00", 2);
    assertRefused(
            pi,
            "userTask_collectEvidence",
            vars("photoCount", 1, "waybillPhotoReceived", true, "evidenceDescription", "x"))
        .hasMessageContaining("至少 2 张");
    complete(pi, "userTask_collectEvidence", evidence());
    assertRefused(pi, "userTask_checkEvidence", damage("USABLE", 3, false))
        .hasMessageContaining("有问题的件数应在 1 到 2 之间");
    assertRefused(pi, "userTask_checkEvidence", damage("BROKEN", 1, false))
        .hasMessageContaining("无效");
  }

  private void uploadPhotos(ProcessInstance pi, String kind, int... seeds) {
    for (int seed : seeds) {
      photos.upload(
          pi.getBusinessKey(),
          List.of(new CasePhotos.Upload(seed + ".jpg", TestPhotos.jpeg(60, 40, seed))),
          kind,
          "agent1");
    }
  }

  /** The evidence form with the check filled in and "一并核验" ticked: one submission. */
  private static Map<String, Object> evidenceCheckedAtOnce(
      String type, long defective, boolean courier) {
    Map<String, Object> values =
        told(vars("evidenceDescription", "外箱压扁，杯身裂开", "checkedWithEvidence", true));
    values.putAll(damage(type, defective, courier));
    return values;
  }

  @Test
  void shouldCheckTheEvidenceInTheSameStepWhenThePhotosAreThere() {
    ProcessInstance pi = open("30.00", 2);
    uploadPhotos(pi, "DETAIL", 11, 12);
    uploadPhotos(pi, "WAYBILL", 13);
    complete(pi, "userTask_collectEvidence", evidenceCheckedAtOnce("UNUSABLE", 1, false));
    assertThat(pi)
        .isWaitingAt("userTask_offerResolution")
        .hasPassed("gateway_evidenceChecked", "gateway_courierAtFault")
        .hasNotPassed("userTask_checkEvidence");
    assertThat(pi)
        .variables()
        .containsEntry("photoCount", 2L)
        .containsEntry("damageType", "UNUSABLE")
        .containsEntry("defectiveCount", 1L)
        .containsEntry("checkedWithEvidence", true);
    Assertions.assertThat(
            processEngine
                .getHistoryService()
                .createHistoricTaskInstanceQuery()
                .processInstanceId(pi.getId())
                .taskDefinitionKey("userTask_checkEvidence")
                .count())
        .isZero();
  }

  @Test
  void shouldRecordTheCourierLossOfAnEvidenceCheckedInTheSameStep() {
    ProcessInstance pi = open("30.00", 2);
    uploadPhotos(pi, "DETAIL", 21, 22);
    Map<String, Object> values = evidenceCheckedAtOnce("UNUSABLE", 2, true);
    values.put("waybillPhotoReceived", true);
    complete(pi, "userTask_collectEvidence", values);
    assertThat(pi).isWaitingAt("serviceTask_recordCourierLoss");
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("userTask_offerResolution").hasNotPassed("userTask_checkEvidence");
    Assertions.assertThat(courierLossEntry(pi)).isEqualTo("快递损失 60.00 元，已登记向顺丰速运索赔");
  }

  @Test
  void shouldKeepTheEvidenceOpenWhilePhotosAreMissingAndCheckSeparatelyWhenNotTickedAtOnce() {
    ProcessInstance pi = open("30.00", 2);
    uploadPhotos(pi, "DETAIL", 31);
    Map<String, Object> atOnce = evidenceCheckedAtOnce("UNUSABLE", 1, false);
    atOnce.put("waybillPhotoReceived", true);
    // one photo short: neither the evidence nor its check is taken
    assertRefused(pi, "userTask_collectEvidence", atOnce)
        .hasMessageContaining("破损需要至少 2 张细节照片（现有 1 张）");
    assertThat(pi).isWaitingAt("userTask_collectEvidence");
    // the check part is judged too: more defective pieces than were ordered
    uploadPhotos(pi, "DETAIL", 32);
    Map<String, Object> tooMany = evidenceCheckedAtOnce("UNUSABLE", 3, false);
    tooMany.put("waybillPhotoReceived", true);
    assertRefused(pi, "userTask_collectEvidence", tooMany)
        .hasMessageContaining("有问题的件数应在 1 到 2 之间");
    assertThat(pi).isWaitingAt("userTask_collectEvidence");
    // without the tick, the check is a step of its own, as before
    complete(
        pi,
        "userTask_collectEvidence",
        told(vars("waybillPhotoReceived", true, "evidenceDescription", "外箱压扁")));
    assertThat(pi).isWaitingAt("userTask_checkEvidence").hasPassed("gateway_evidenceChecked");
    assertThat(pi).variables().containsEntry("checkedWithEvidence", false);
    complete(pi, "userTask_checkEvidence", damage("USABLE", 1, false));
    assertThat(pi).isWaitingAt("userTask_offerResolution");
  }
}
