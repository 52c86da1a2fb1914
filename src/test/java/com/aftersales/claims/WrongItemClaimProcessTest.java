package com.aftersales.claims;

import static com.aftersales.support.ClaimSteps.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.aftersales.cases.CaseKind;
import com.aftersales.support.ProcessPathTest;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Every path of {@code bpmn/wrong-item-claim.bpmn}. */
class WrongItemClaimProcessTest extends ProcessPathTest {

  WrongItemClaimProcessTest() {
    super("wrong-item-claim");
  }

  private ProcessInstance open(String price, int quantity) {
    return openCase(CaseKind.WRONG_ITEM, "buyer_w", price, quantity, "收到的颜色不对");
  }

  private ProcessInstance atOffer(String price, int quantity, String problemKind, String cause) {
    ProcessInstance pi = open(price, quantity);
    complete(
        pi,
        "userTask_collectEvidence",
        told(
            vars(
                "photoCount",
                1L,
                "waybillPhotoReceived",
                true,
                "evidenceDescription",
                "实收蓝色，订单是红色")));
    assertThat(pi).isWaitingAt("userTask_warehouseVerify");
    assertThat(task(pi)).hasCandidateGroup("warehouse");
    complete(
        pi,
        "userTask_warehouseVerify",
        vars(
            "mistakeConfirmed",
            true,
            "problemKind",
            problemKind,
            "cause",
            cause,
            "verifyNote",
            "面单重量与红色款不符"));
    assertThat(pi).isWaitingAt("userTask_offerResolution");
    return pi;
  }

  @Test
  void shouldExplainToTheBuyerWhenTheWarehouseFindsNoMistake() {
    ProcessInstance pi = open("50.00", 1);
    complete(
        pi,
        "userTask_collectEvidence",
        told(vars("photoCount", 2L, "waybillPhotoReceived", true, "evidenceDescription", "少了一件")));
    complete(
        pi,
        "userTask_warehouseVerify",
        vars("mistakeConfirmed", false, "problemKind", "MISSING_PRODUCT", "verifyNote", "称重与两件一致"));
    assertThat(pi).isWaitingAt("userTask_explainToBuyer");
    complete(pi, "userTask_explainToBuyer", told(vars("explanation", "已发视频核对，包裹重量与两件一致")));
    assertThat(pi).isEnded().hasPassed("endEvent_notConfirmed");
    Assertions.assertThat(caseRepository.find(pi.getBusinessKey()).orElseThrow().category())
        .isEqualTo("MISSING_PRODUCT");
  }

  @Test
  void shouldReshipAlongWithTheBuyersNextOrder() {
    ProcessInstance pi = atOffer("50.00", 2, "MISSING_GIFT", "AGENT_NOTE_MISSING");
    String nextOrder = orders.create("buyer_w", "20.00", 1);
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "RESHIP", "reshipQuantity", 1L, "rideAlongOrderId", nextOrder)));
    runDueJobs(pi);
    Assertions.assertThat(orders.remarks(nextOrder, "remark_shipping")).contains("随单补发");
    complete(pi, "userTask_shipReshipment", shipped());
    runDueJobs(pi);
    complete(pi, "userTask_followReshipment", received());
    assertThat(pi).isEnded().hasPassed("endEvent_reshipped");
    Assertions.assertThat(caseRepository.find(pi.getBusinessKey()).orElseThrow().category())
        .isEqualTo("MISSING_GIFT/AGENT_NOTE_MISSING");
  }

  @Test
  void shouldRefuseARideAlongOrderOfAnotherBuyer() {
    ProcessInstance pi = atOffer("50.00", 1, "MISSING_GIFT", "WAREHOUSE_PICKING");
    String strangersOrder = orders.create("someone_else", "20.00", 1);
    assertRefused(
            pi,
            "userTask_offerResolution",
            vars("buyerChoice", "RESHIP", "rideAlongOrderId", strangersOrder))
        .hasMessageContaining("不是这位买家的订单");
  }

  @Test
  void shouldExchangeByReshippingTheRightItem() {
    ProcessInstance pi = atOffer("50.00", 1, "WRONG_PRODUCT", "WAREHOUSE_PICKING");
    complete(pi, "userTask_offerResolution", told(vars("buyerChoice", "EXCHANGE")));
    runDueJobs(pi);
    complete(pi, "userTask_shipReshipment", shipped());
    runDueJobs(pi);
    complete(pi, "userTask_followReshipment", received());
    assertThat(pi).isEnded().hasPassed("callActivity_exchangeReship", "endEvent_exchanged");
    Assertions.assertThat(
            orders.count(
                "select count(*) from reship_form where case_id = ? and reason like '换货%'",
                pi.getBusinessKey()))
        .isEqualTo(1);
  }

  @Test
  void shouldRefundAWrongAddressOrder() {
    ProcessInstance pi = atOffer("50.00", 1, "WRONG_ADDRESS", "ADDRESS");
    complete(
        pi, "userTask_offerResolution", told(vars("buyerChoice", "REFUND", "refundAmount", 50)));
    runDueJobs(pi);
    financeAgrees(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_settled");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("50.00");
  }

  @Test
  void shouldLetTheBuyerKeepTheItemAtADiscountWithSupervisorApprovalAboveTheLimit() {
    ProcessInstance pi = atOffer("100.00", 1, "WRONG_PRODUCT", "WAREHOUSE_PICKING");
    // agent limit for a wrong product of 100 yuan: min(10, 20) = 10
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "KEEP_WITH_DISCOUNT", "discountAmount", 15)));
    assertThat(pi).isWaitingAt("userTask_approveResolution");
    complete(pi, "userTask_approveResolution", vars("approved", false, "approvalNote", "先按10元谈"));
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "KEEP_WITH_DISCOUNT", "discountAmount", 10)));
    runDueJobs(pi);
    financeRejects(pi, "金额需复核");
    complete(pi, "userTask_explainRejection", told(vars()));
    assertThat(pi).isWaitingAt("userTask_offerResolution");
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "KEEP_WITH_DISCOUNT", "discountAmount", 15)));
    complete(pi, "userTask_approveResolution", vars("approved", true));
    runDueJobs(pi);
    financeAgrees(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_settled");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("15.00");
  }

  @Test
  void shouldRemindAndThenCloseWithoutEvidence() {
    ProcessInstance pi = open("50.00", 1);
    fireTimer(pi, "timer_evidenceReminder");
    assertThat(pi).isWaitingAt("userTask_collectEvidence");
    fireTimer(pi, "timer_evidenceGiveUp");
    assertThat(pi).isEnded().hasPassed("endEvent_reminderSent", "endEvent_noEvidence");
  }

  @Test
  void shouldRequireACauseWhenTheMistakeIsConfirmed() {
    ProcessInstance pi = open("50.00", 1);
    complete(
        pi,
        "userTask_collectEvidence",
        told(vars("photoCount", 1L, "waybillPhotoReceived", true, "evidenceDescription", "x")));
    assertRefused(
            pi,
            "userTask_warehouseVerify",
            vars("mistakeConfirmed", true, "problemKind", "WRONG_PRODUCT", "verifyNote", "x"))
        .hasMessageContaining("请填写差错原因");
  }

  @Test
  void shouldPayTheDiscountByTransferWhenTheBuyerFiledNothingOnThePlatform() {
    ProcessInstance pi = atOffer("100.00", 1, "WRONG_PRODUCT", "WAREHOUSE_PICKING");
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "KEEP_WITH_DISCOUNT", "discountAmount", 10)));
    runDueJobs(pi);
    // the shop's own money: the buyer's account, then finance's transfer; no platform clock
    var collect = taskOf(pi, "userTask_collectAccount");
    Assertions.assertThat(collect).isNotNull();
    Assertions.assertThat(
            processEngine.getTaskService().getVariable(collect.getId(), "refundReason"))
        .isEqualTo("错发商品买家留用，补差价");
    Assertions.assertThat(taskOf(pi, "userTask_approveRefund")).isNull();
    paidByTransfer(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_settled");
    String orderId = orderOf(pi);
    Assertions.assertThat(orders.remarks(orderId, "remark_finance"))
        .contains("财务已转账 10.00 元（转账至支付宝 林晓 *******1234）");
    Assertions.assertThat(orders.remarks(orderId, "remark_internal")).doesNotContain("平台已自动退款");
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("10.00");
  }
}
