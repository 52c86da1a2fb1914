package com.aftersales.claims;

import static com.aftersales.support.ClaimSteps.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.aftersales.cases.CaseKind;
import com.aftersales.cases.CaseRecord;
import com.aftersales.support.ProcessPathTest;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/** Every path of {@code bpmn/wrong-item-claim.bpmn}. */
class WrongItemClaimProcessTest extends ProcessPathTest {

  WrongItemClaimProcessTest() {
    super("wrong-item-claim");
  }

  private ProcessInstance open(String price, int quantity) {
    return openCase(CaseKind.WRONG_ITEM, "buyer_w", price, quantity, "收到的颜色不对");
  }

  private ProcessInstance atVerification(String price, int quantity) {
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
    return pi;
  }

  /** What the warehouse records for each kind of problem (what arrived against the order). */
  private static Map<String, Object> finding(boolean confirmed, String problemKind, String cause) {
    Map<String, Object> v =
        vars(
            "mistakeConfirmed",
            confirmed,
            "problemKind",
            problemKind,
            "cause",
            cause,
            "verifyNote",
            "面单重量与拍下的不符");
    switch (problemKind) {
      case "WRONG_PRODUCT" -> {
        v.put("orderedVariant", "红色 M码");
        v.put("arrivedItem", "测试商品 蓝色 L码");
        v.put("affectedQuantity", 1L);
      }
      case "MISSING_PRODUCT" -> {
        v.put("missingItems", "测试商品 红色 M码");
        v.put("affectedQuantity", 2L);
      }
      case "MISSING_GIFT" -> {
        v.put("missingGift", "旅行装小样");
        v.put("affectedQuantity", 1L);
      }
      default -> {}
    }
    return v;
  }

  private ProcessInstance atOffer(String price, int quantity, String problemKind, String cause) {
    ProcessInstance pi = atVerification(price, quantity);
    complete(pi, "userTask_warehouseVerify", finding(true, problemKind, cause));
    assertThat(pi).isWaitingAt("userTask_offerResolution");
    return pi;
  }

  private void shipAndReceive(ProcessInstance pi) {
    runDueJobs(pi);
    complete(pi, "userTask_shipReshipment", shipped());
    runDueJobs(pi);
    complete(pi, "userTask_tellReshipTracking", told(vars()));
    complete(pi, "userTask_followReshipment", received());
  }

  private int reshipRows(ProcessInstance pi, String product, long quantity, String reasonLike) {
    return orders.count(
        "select count(*) from reship_form where case_id = ? and product_name = ? and quantity = ?"
            + " and reason like ?",
        pi.getBusinessKey(),
        product,
        quantity,
        reasonLike);
  }

  private int timeline(ProcessInstance pi, String detailLike) {
    return orders.count(
        "select count(*) from case_event where case_id = ? and detail like ?",
        pi.getBusinessKey(),
        detailLike);
  }

  private CaseRecord record(ProcessInstance pi) {
    return caseRepository.find(pi.getBusinessKey()).orElseThrow();
  }

  @Test
  void shouldShipTheMissingGiftAndMarkTheReshipAsAGift() {
    ProcessInstance pi = atOffer("50.00", 2, "MISSING_GIFT", "AGENT_NOTE_MISSING");
    assertThat(pi).variables().containsEntry("reshipCarriesGift", true);
    assertRefused(pi, "userTask_offerResolution", told(vars("buyerChoice", "EXCHANGE")))
        .hasMessageContaining("不适用于这类问题");
    complete(pi, "userTask_offerResolution", told(vars("buyerChoice", "RESHIP")));
    shipAndReceive(pi);
    assertThat(pi).isEnded().hasPassed("callActivity_reship", "endEvent_reshipped");
    Assertions.assertThat(reshipRows(pi, "旅行装小样", 1, "漏发赠品：补寄 旅行装小样")).isEqualTo(1);
    Assertions.assertThat(reshipRows(pi, "测试商品", 2, "%")).isZero();
    Assertions.assertThat(record(pi).category()).isEqualTo("MISSING_GIFT/AGENT_NOTE_MISSING");
  }

  @Test
  void shouldShipOnlyTheMissingPiecesOfAMissingProduct() {
    ProcessInstance pi = atOffer("30.00", 3, "MISSING_PRODUCT", "WAREHOUSE_PICKING");
    assertThat(pi).variables().containsEntry("reshipCarriesGift", false);
    complete(pi, "userTask_offerResolution", told(vars("buyerChoice", "RESHIP")));
    shipAndReceive(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_reshipped");
    Assertions.assertThat(reshipRows(pi, "测试商品 红色 M码", 2, "少发商品：缺 2 件%")).isEqualTo(1);
  }

  @Test
  void shouldRefuseMoreMissingPiecesThanWereOrdered() {
    ProcessInstance pi = atVerification("30.00", 1);
    Map<String, Object> finding = finding(true, "MISSING_PRODUCT", "WAREHOUSE_PICKING");
    assertRefused(pi, "userTask_warehouseVerify", finding).hasMessageContaining("发错/少发件数");
  }

  @Test
  void shouldRequireWhatArrivedForAWrongProduct() {
    ProcessInstance pi = atVerification("30.00", 1);
    Map<String, Object> finding = finding(true, "WRONG_PRODUCT", "WAREHOUSE_PICKING");
    finding.remove("arrivedItem");
    assertRefused(pi, "userTask_warehouseVerify", finding).hasMessageContaining("实际收到的商品");
  }

  @Test
  void shouldGetTheWrongVariantBackThroughTheExchangeAndShipTheRightOne() {
    ProcessInstance pi = atOffer("50.00", 1, "WRONG_PRODUCT", "WAREHOUSE_PICKING");
    complete(
        pi, "userTask_offerResolution", told(vars("buyerChoice", "EXCHANGE", "returnPostage", 0)));
    assertThat(pi).isWaitingAt("callActivity_exchangeReship");
    runDueJobs(pi);
    complete(
        pi,
        "userTask_awaitBuyerShipment",
        told(vars("returnCarrier", "圆通速递", "returnTrackingNumber", "YT1234567890")));
    Task inspect = taskOf(pi, "userTask_receiveReturn");
    Assertions.assertThat(inspect).isNotNull();
    complete(
        pi,
        "userTask_receiveReturn",
        vars("parcels", 1L, "matchesCase", true, "transitDamage", false, "resaleable", true));
    shipAndReceive(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("callActivity_exchangeReship", "endEvent_exchanged")
        .variables()
        .containsEntry("exchangeOutcome", "exchanged");
    Assertions.assertThat(
            reshipRows(pi, "测试商品（红色 M码）", 1, "换货：发错商品：买家收到 测试商品 蓝色 L码，应为 测试商品（红色 M码）"))
        .isEqualTo(1);
    Assertions.assertThat(
            orders.count(
                "select count(*) from return_register where case_id = ? and solution = '换货'"
                    + " and restocked = true",
                pi.getBusinessKey()))
        .isEqualTo(1);
    // the called exchange opened and closed no case of its own
    Assertions.assertThat(
            orders.count(
                "select count(*) from after_sales_case where case_id = ?", pi.getBusinessKey()))
        .isEqualTo(1);
    Assertions.assertThat(record(pi).outcome()).isEqualTo("exchanged");
    Assertions.assertThat(timeline(pi, "换货：买家寄回错发的 测试商品 蓝色 L码%")).isEqualTo(1);
  }

  @Test
  void shouldEndWithoutReshippingWhenTheBuyerNeverSendsTheWrongItemBack() {
    ProcessInstance pi = atOffer("50.00", 1, "WRONG_PRODUCT", "WAREHOUSE_PICKING");
    complete(
        pi, "userTask_offerResolution", told(vars("buyerChoice", "EXCHANGE", "returnPostage", 8)));
    runDueJobs(pi);
    fireTimer(pi, "timer_shipmentDeadline");
    assertThat(pi)
        .isEnded()
        .hasPassed("endEvent_exchangeNotReturned")
        .hasNotPassed("endEvent_exchanged");
    Assertions.assertThat(reshipRows(pi, "测试商品（红色 M码）", 1, "%")).isZero();
  }

  @Test
  void shouldLetTheBuyerKeepTheWrongItemAtTheDocumentedDiscountAndShipWhatWasOrdered() {
    ProcessInstance pi = atOffer("100.00", 1, "WRONG_PRODUCT", "WAREHOUSE_PICKING");
    // the table's rate for a wrong product: 30 % off the kept item's 40 yuan = 28 yuan to pay
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "KEEP_WITH_DISCOUNT", "keptItemPrice", 40)));
    assertThat(pi).isWaitingAt("userTask_collectDifference");
    assertThat(pi).variables().containsEntry("differenceDue", 28.0);
    complete(
        pi, "userTask_collectDifference", vars("differencePaid", false, "differenceNote", "买家再想想"));
    assertThat(pi).isWaitingAt("userTask_offerResolution");
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "KEEP_WITH_DISCOUNT", "keptItemPrice", 40)));
    String unpaid = orders.create("buyer_w", "28.00", 1);
    orders.status(unpaid, "WAITING_PAYMENT");
    assertRefused(
            pi,
            "userTask_collectDifference",
            vars("differencePaid", true, "differenceOrderId", unpaid))
        .hasMessageContaining("尚未付清");
    String paid = orders.create("buyer_w", "28.00", 1);
    complete(
        pi, "userTask_collectDifference", vars("differencePaid", true, "differenceOrderId", paid));
    shipAndReceive(pi);
    assertThat(pi).isEnded().hasPassed("callActivity_keepReship", "endEvent_keptAtDiscount");
    Assertions.assertThat(reshipRows(pi, "测试商品（红色 M码）", 1, "发错商品%")).isEqualTo(1);
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("0");
    Assertions.assertThat(timeline(pi, "买家留用错发的 测试商品 蓝色 L码 1 件，按规定折扣应补差价 28.00 元%")).isEqualTo(2);
    Assertions.assertThat(timeline(pi, "买家已通过订单 " + paid + " 补差价 28.00 元%")).isEqualTo(1);
    Assertions.assertThat(record(pi).outcome()).isEqualTo("keptAtDiscount");
  }

  @Test
  void shouldAskTheSupervisorForALargerDiscountThanTheDocumentedOne() {
    ProcessInstance pi = atOffer("100.00", 1, "WRONG_PRODUCT", "WAREHOUSE_PICKING");
    assertRefused(
            pi,
            "userTask_offerResolution",
            told(
                vars(
                    "buyerChoice", "KEEP_WITH_DISCOUNT", "keptItemPrice", 40, "differenceDue", 30)))
        .hasMessageContaining("28.00");
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "KEEP_WITH_DISCOUNT", "keptItemPrice", 40, "differenceDue", 20)));
    assertThat(pi).isWaitingAt("userTask_approveResolution");
    complete(pi, "userTask_approveResolution", vars("approved", false, "approvalNote", "按规定折扣"));
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "KEEP_WITH_DISCOUNT", "keptItemPrice", 40, "differenceDue", 20)));
    complete(pi, "userTask_approveResolution", vars("approved", true));
    assertThat(pi).isWaitingAt("userTask_collectDifference");
    assertThat(pi).variables().containsEntry("differenceDue", 20.0);
  }

  @Test
  void shouldLetTheSupervisorTreatAnUnconfirmedMistakeAsOurs() {
    ProcessInstance pi = atVerification("50.00", 2);
    complete(pi, "userTask_warehouseVerify", finding(false, "MISSING_PRODUCT", null));
    assertThat(pi).isWaitingAt("userTask_supervisorDecides");
    Task decide = taskOf(pi, "userTask_supervisorDecides");
    assertThat(decide).hasCandidateGroup("supervisors");
    Assertions.assertThat(decide.getDueDate()).isNotNull();
    assertRefused(
            pi,
            "userTask_supervisorDecides",
            vars("treatAsOurMistake", true, "supervisorNote", "老客户"))
        .hasMessageContaining("差错原因");
    complete(
        pi,
        "userTask_supervisorDecides",
        vars(
            "treatAsOurMistake",
            true,
            "cause",
            "WAREHOUSE_PICKING",
            "supervisorNote",
            "老客户，重量接近，按少发补发"));
    assertThat(pi).isWaitingAt("userTask_offerResolution");
    complete(pi, "userTask_offerResolution", told(vars("buyerChoice", "RESHIP")));
    shipAndReceive(pi);
    assertThat(pi).isEnded().hasPassed("gateway_supervisorVerdict", "endEvent_reshipped");
    Assertions.assertThat(reshipRows(pi, "测试商品 红色 M码", 2, "少发商品%")).isEqualTo(1);
    Assertions.assertThat(timeline(pi, "仓库无法核实，主管决定按我方差错处理：老客户%")).isEqualTo(1);
  }

  @Test
  void shouldExplainToTheBuyerWhenTheSupervisorFindsNoMistakeOfOurs() {
    ProcessInstance pi = atVerification("50.00", 2);
    complete(pi, "userTask_warehouseVerify", finding(false, "MISSING_PRODUCT", null));
    complete(
        pi,
        "userTask_supervisorDecides",
        vars("treatAsOurMistake", false, "supervisorNote", "称重与两件一致，发货视频完整"));
    assertThat(pi).isWaitingAt("userTask_explainToBuyer");
    complete(pi, "userTask_explainToBuyer", told(vars("explanation", "已发视频核对，包裹重量与两件一致")));
    assertThat(pi).isEnded().hasPassed("endEvent_notConfirmed");
    Assertions.assertThat(record(pi).category()).isEqualTo("MISSING_PRODUCT");
    Assertions.assertThat(timeline(pi, "主管判定不是我方差错%")).isEqualTo(1);
  }

  @Test
  void shouldReshipAlongWithTheBuyersNextOrder() {
    ProcessInstance pi = atOffer("50.00", 2, "MISSING_GIFT", "AGENT_NOTE_MISSING");
    String nextOrder = orders.create("buyer_w", "20.00", 1);
    complete(
        pi,
        "userTask_offerResolution",
        told(vars("buyerChoice", "RESHIP", "rideAlongOrderId", nextOrder)));
    runDueJobs(pi);
    Assertions.assertThat(orders.remarks(nextOrder, "remark_shipping")).contains("随单补发 ");
    complete(pi, "userTask_shipReshipment", shipped());
    runDueJobs(pi);
    complete(pi, "userTask_followReshipment", received());
    assertThat(pi).isEnded().hasPassed("endEvent_reshipped");
  }

  @Test
  void shouldRefuseARideAlongOrderOfAnotherBuyer() {
    ProcessInstance pi = atOffer("50.00", 1, "MISSING_GIFT", "WAREHOUSE_PICKING");
    String strangersOrder = orders.create("someone_else", "20.00", 1);
    assertRefused(
            pi,
            "userTask_offerResolution",
            told(vars("buyerChoice", "RESHIP", "rideAlongOrderId", strangersOrder)))
        .hasMessageContaining("不是这位买家的订单");
  }

  @Test
  void shouldRefundAWrongAddressOrder() {
    ProcessInstance pi = atOffer("50.00", 1, "WRONG_ADDRESS", "ADDRESS");
    assertRefused(pi, "userTask_offerResolution", told(vars("buyerChoice", "KEEP_WITH_DISCOUNT")))
        .hasMessageContaining("不适用于这类问题");
    complete(
        pi, "userTask_offerResolution", told(vars("buyerChoice", "REFUND", "refundAmount", 50)));
    runDueJobs(pi);
    financeAgrees(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_settled");
  }

  @Test
  void shouldOfferAgainWhenFinanceRejectsTheRefund() {
    ProcessInstance pi = atOffer("50.00", 1, "MISSING_GIFT", "AGENT_NOTE_MISSING");
    complete(
        pi, "userTask_offerResolution", told(vars("buyerChoice", "REFUND", "refundAmount", 5)));
    runDueJobs(pi);
    financeRejects(pi, "金额需复核");
    complete(pi, "userTask_explainRejection", told(vars()));
    assertThat(pi).isWaitingAt("userTask_offerResolution");
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
    ProcessInstance pi = atVerification("50.00", 1);
    Map<String, Object> finding = finding(true, "WRONG_PRODUCT", null);
    assertRefused(pi, "userTask_warehouseVerify", finding).hasMessageContaining("请填写差错原因");
  }

  @Test
  void shouldPayTheRefundByTransferWhenTheBuyerFiledNothingOnThePlatform() {
    ProcessInstance pi = atOffer("100.00", 1, "WRONG_PRODUCT", "WAREHOUSE_PICKING");
    complete(
        pi, "userTask_offerResolution", told(vars("buyerChoice", "REFUND", "refundAmount", 10)));
    runDueJobs(pi);
    // the shop's own money: the buyer's account, then finance's transfer; no platform clock
    var collect = taskOf(pi, "userTask_collectAccount");
    Assertions.assertThat(collect).isNotNull();
    Assertions.assertThat(
            (String) processEngine.getTaskService().getVariable(collect.getId(), "refundReason"))
        .endsWith("退款");
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
