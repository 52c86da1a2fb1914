package com.aftersales.returns;

import static com.aftersales.support.ClaimSteps.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.aftersales.cases.CaseEvent;
import com.aftersales.cases.CaseKind;
import com.aftersales.shop.MessagePurpose;
import com.aftersales.shop.SentMessage;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.support.ProcessPathTest;
import com.aftersales.support.SentMessages;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/**
 * Every path of {@code bpmn/return.bpmn}, and the return register it fills. One class for the model
 * (its flow-node coverage is counted per class), hence its length.
 */
class ReturnProcessTest extends ProcessPathTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired TestRestTemplate http;
  @Autowired ShopBackOffice shop;

  ReturnProcessTest() {
    super("return");
  }

  /** An order of one item at 50 yuan plus 15 yuan postage, signed for yesterday. */
  private ProcessInstance open() {
    String orderId =
        orders.create("buyer_r", "50.00", 1, "15.00", OffsetDateTime.now(SHANGHAI).minusDays(1));
    String caseId = cases.open("RETURN", orderId, "buyer_r", "不想要了").record().caseId();
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId)
        .processDefinitionKey(CaseKind.RETURN.processKey())
        .singleResult();
  }

  /** The agent assesses the return: its cause, whether the buyer has the parcel, more values. */
  private void assess(ProcessInstance pi, String cause, String receiptState, Object... more) {
    completeAs(
        pi,
        "userTask_assessReturn",
        "agent1",
        told(with(vars("cause", cause, "receiptState", receiptState), more)));
  }

  /** The agent tries to keep the sale: what was offered, how the buyer took it, more values. */
  private void retain(ProcessInstance pi, String offer, String outcome, Object... more) {
    completeAs(
        pi,
        "userTask_retainBuyer",
        "agent1",
        with(vars("retentionOffer", offer, "retentionOutcome", outcome), more));
  }

  private static Map<String, Object> with(Map<String, Object> values, Object... more) {
    for (int i = 0; i < more.length; i += 2) {
      values.put((String) more[i], more[i + 1]);
    }
    return values;
  }

  private ProcessInstance insisting(String cause, String receipt) {
    ProcessInstance pi = open();
    assess(pi, cause, receipt);
    assertThat(pi).isWaitingAt("userTask_retainBuyer");
    retain(pi, "SMALL_GIFT", "INSISTS", "retentionNote", "买家仍坚持");
    return pi;
  }

  private void shipBack(ProcessInstance pi, double postage) {
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("userTask_awaitBuyerShipment");
    completeAs(
        pi,
        "userTask_awaitBuyerShipment",
        "agent1",
        told(
            vars(
                "returnCarrier",
                "中通快递",
                "returnTrackingNumber",
                "ZT778899001",
                "returnPostage",
                postage)));
  }

  private void receive(ProcessInstance pi, boolean resaleable, Object... more) {
    var v =
        with(
            vars(
                "parcels",
                1L,
                "matchesCase",
                true,
                "transitDamage",
                false,
                "resaleable",
                resaleable),
            more);
    assertThat(taskOf(pi, "userTask_receiveReturn")).hasCandidateGroup("warehouse");
    completeAs(pi, "userTask_receiveReturn", "warehouse", v);
    runDueJobs(pi);
  }

  @Test
  void shouldTakeBackAQualityReturnWithShopPaidPostageAndFillTheRegister() throws Exception {
    ProcessInstance pi = insisting("QUALITY", "RECEIVED");
    assertThat(pi)
        .variables()
        .containsEntry("postagePaidBy", "SHOP")
        .containsEntry("causeGroup", "QUALITY");
    shipBack(pi, 12.0);
    receive(pi, true);
    financeAgrees(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("serviceTask_sendReturnAddress", "serviceTask_restock", "endEvent_returned");
    String orderId = orderOf(pi);
    // goods 50 + the return postage 12 the shop bears
    Assertions.assertThat(orders.refunded(orderId)).isEqualByComparingTo("62.00");
    Assertions.assertThat(
            orders.count(
                "select count(*) from return_register where case_id = ? and registered_by = 'agent1'"
                    + " and received_by = 'warehouse' and tracking_number = 'ZT778899001' and restocked = true"
                    + " and total_amount = 62.00 and return_type = 'QUALITY'",
                pi.getBusinessKey()))
        .isEqualTo(1);

    // the register on screen, filtered, and as a spreadsheet read back
    var auth = http.withBasicAuth("supervisor", "demo");
    String filtered = "/api/registers/returns?type=QUALITY&agent=agent1&orderId=" + orderId;
    ResponseEntity<String> page = auth.getForEntity(filtered, String.class);
    Assertions.assertThat(page.getStatusCode().value()).isEqualTo(200);
    Assertions.assertThat(page.getBody()).contains("\"total\":1").contains(pi.getBusinessKey());
    Assertions.assertThat(
            auth.getForEntity("/api/registers/returns?type=BUYER&orderId=" + orderId, String.class)
                .getBody())
        .contains("\"total\":0");
    ResponseEntity<byte[]> xlsx =
        auth.getForEntity("/api/registers/returns/export.xlsx?orderId=" + orderId, byte[].class);
    try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
      var rows = wb.getFirstSheet().read();
      Assertions.assertThat(rows).hasSize(2);
      Assertions.assertThat(rows.get(0).getCellText(2)).isEqualTo("物流单号");
      Assertions.assertThat(rows.get(1).getCellText(2)).isEqualTo("ZT778899001");
      Assertions.assertThat(rows.get(1).getCellText(5)).isEqualTo(orderId);
      Assertions.assertThat(rows.get(1).getCell(10).asNumber()).isEqualByComparingTo("62");
    }
  }

  @Test
  void shouldDeductAGiftThatDidNotComeBackAndLetTheBuyerPayTheirOwnPostage() {
    ProcessInstance pi = open();
    assess(pi, "BUYER_NO_NEED", "RECEIVED", "giftIncluded", true, "giftValue", 8);
    retain(pi, "NONE", "INSISTS");
    shipBack(pi, 10.0);
    receive(pi, false, "giftReturned", false);
    financeAgrees(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_returned").hasNotPassed("serviceTask_restock");
    // goods 50, buyer pays the postage, less the 8-yuan gift
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("42.00");
  }

  @Test
  void shouldTakeBackAParcelTheCourierReturnsAndBookTheLossAgainstTheCourier() {
    ProcessInstance pi = insisting("COURIER_DAMAGE", "NOT_RECEIVED");
    assertThat(pi).isWaitingAt("userTask_receiveReturn");
    receive(pi, false, "transitDamage", true, "inspectionNote", "外箱破损，瓶子碎裂，已拍照");
    Assertions.assertThat(
            orders.count(
                "select count(*) from courier_loss where case_id = ? and loss_amount = 50.00",
                pi.getBusinessKey()))
        .isEqualTo(1);
    financeAgrees(pi);
    assertThat(pi).isEnded().hasPassed("serviceTask_recordCourierLoss", "endEvent_returned");
    Assertions.assertThat(
            orders.count(
                "select count(*) from return_register where case_id = ? and tracking_number = 'SF0000000001'",
                pi.getBusinessKey()))
        .isEqualTo(1);
  }

  @Test
  void shouldEndWithoutAReturnWhenTheBuyerIsRetainedWithAPriceDifference() {
    ProcessInstance pi = open();
    assess(pi, "BUYER_PROMOTION", "RECEIVED");
    retain(pi, "PRICE_DIFFERENCE", "RETAINED", "priceDifference", 6, "retentionNote", "退差价6元");
    runDueJobs(pi);
    financeAgrees(pi);
    assertThat(pi).isEnded().hasPassed("callActivity_refundDifference", "endEvent_retained");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("6.00");
  }

  @Test
  void shouldEndWithoutAReturnWhenTheBuyerWaits() {
    ProcessInstance pi = open();
    assess(pi, "BUYER_AWAY", "NOT_RECEIVED");
    retain(pi, "REDIRECT", "RETAINED", "retentionNote", "改派到公司地址");
    assertThat(pi)
        .isEnded()
        .hasPassed("endEvent_retained")
        .hasNotPassed("callActivity_refundDifference");
  }

  @Test
  void shouldRefundAnUnshippedOrderDirectly() {
    ProcessInstance pi = open();
    orders.status(orderOf(pi), "PAID");
    completeAs(pi, "userTask_assessReturn", "agent1", told(vars("cause", "SHOP_LATE")));
    assertThat(pi).variables().containsEntry("receiptState", "NOT_SHIPPED");
    retain(pi, "SMALL_GIFT", "INSISTS", "retentionNote", "告知到货时间");
    runDueJobs(pi);
    financeAgrees(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_refundedUnshipped");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("65.00");
  }

  @Test
  void shouldRefuseAnAllergyReturnWithTheReasonShown() {
    ProcessInstance pi = open();
    assess(pi, "BUYER_ALLERGY", "RECEIVED");
    assertRefusedPath(pi, "过敏");
  }

  @Test
  void shouldRefuseANoReasonReturnAfterTheSevenDays() {
    ProcessInstance pi = open();
    orders.signedAt(orderOf(pi), OffsetDateTime.now(SHANGHAI).minusDays(9));
    assess(pi, "BUYER_NO_REASON", "RECEIVED");
    assertRefusedPath(pi, "已超过七天无理由退货期限");
  }

  @Test
  void shouldRefuseANoReasonReturnOfAnExcludedProduct() {
    ProcessInstance pi = open();
    orders.title(orderOf(pi), "定制刻字保温杯");
    orders.policy("定制刻字保温杯", "CUSTOM_MADE", false);
    assess(pi, "BUYER_NO_REASON", "RECEIVED");
    assertRefusedPath(pi, "定制商品不适用七天无理由退货");
  }

  /**
   * The case took the refusal path: the agent explains the reason shown, and the case ends refused
   * without an offer to keep the sale, a return address or a refund.
   */
  private void assertRefusedPath(ProcessInstance pi, String reason) {
    assertThat(pi)
        .isWaitingAt("userTask_explainRefusal")
        .hasPassed("userTask_assessReturn", "gateway_returnAllowed")
        .hasNotPassed("userTask_retainBuyer", "gateway_receiptState")
        .variables()
        .containsEntry("returnAllowed", false);
    Assertions.assertThat(
            (String) processEngine.getRuntimeService().getVariable(pi.getId(), "refusalReason"))
        .contains(reason);
    completeAs(pi, "userTask_explainRefusal", "agent1", told(vars("explanation", "已向买家说明")));
    assertThat(pi)
        .isEnded()
        .hasPassed("userTask_explainRefusal", "endEvent_refused")
        .hasNotPassed(
            "userTask_retainBuyer",
            "serviceTask_sendReturnAddress",
            "callActivity_refundUnshipped",
            "endEvent_retained");
  }

  @Test
  void shouldAcceptANoReasonReturnWithinTheSevenDays() {
    ProcessInstance pi = open();
    assess(pi, "BUYER_NO_REASON", "RECEIVED");
    assertThat(pi)
        .isWaitingAt("userTask_retainBuyer")
        .variables()
        .containsEntry("postagePaidBy", "BUYER");
  }

  @Test
  void shouldRemindThenCloseWhenTheBuyerNeverShips() {
    ProcessInstance pi = insisting("QUALITY", "RECEIVED");
    runDueJobs(pi);
    fireTimer(pi, "timer_shipmentReminder");
    assertThat(pi)
        .isWaitingAt("userTask_awaitBuyerShipment")
        .hasPassed("endEvent_shipmentReminded");
    fireTimer(pi, "timer_shipmentDeadline");
    assertThat(pi).isEnded().hasPassed("endEvent_abandoned");
    Assertions.assertThat(caseRepository.find(pi.getBusinessKey()).orElseThrow().outcome())
        .isEqualTo("abandoned");
  }

  @Test
  void shouldEscalateAnUnreceivedReturnBeforeThePlatformRefundsByItself() {
    ProcessInstance pi = insisting("QUALITY", "RECEIVED");
    shipBack(pi, 0.0);
    fireTimer(pi, "timer_receiptEscalation");
    var task = taskOf(pi, "userTask_receiveReturn");
    assertThat(task).hasCandidateGroup("warehouse").hasCandidateGroup("supervisors");
    Assertions.assertThat(task.getPriority()).isEqualTo(90);
    assertThat(pi).hasPassed("endEvent_receiptEscalated");
  }

  @Test
  void shouldEndWhenFinanceRejectsTheReturnRefund() {
    ProcessInstance pi = insisting("SHOP_MISSING_ITEM", "RECEIVED");
    shipBack(pi, 8.0);
    receive(pi, true);
    financeRejects(pi, "买家已走平台退款");
    completeAs(pi, "userTask_explainRejection", "agent1", told(vars()));
    assertThat(pi).isEnded().hasPassed("endEvent_refundRejected");
  }

  @Test
  void shouldRefuseInputThatDoesNotFitTheOrder() {
    ProcessInstance pi = open();
    assertRefused(
            pi, "userTask_assessReturn", vars("cause", "SHOP_LATE", "receiptState", "NOT_SHIPPED"))
        .hasMessageContaining("订单已发货");
    assertRefused(pi, "userTask_assessReturn", vars("cause", "BORED", "receiptState", "RECEIVED"))
        .hasMessageContaining("无效");
    assess(pi, "QUALITY", "RECEIVED");
    assertRefused(
            pi,
            "userTask_retainBuyer",
            vars(
                "retentionOffer",
                "PRICE_DIFFERENCE",
                "retentionOutcome",
                "RETAINED",
                "priceDifference",
                99,
                "retentionNote",
                "x"))
        .hasMessageContaining("超过买家实付可退金额");
  }

  // seed 001: postage the buyer caused (wrong address, unreachable phone, refused delivery) is
  // deducted from the refund

  /** The parcel came back because of the buyer; the agent typed the postage it caused. */
  private ProcessInstance bouncedBack(String cause, double postage) {
    ProcessInstance pi = open();
    assess(pi, cause, "NOT_RECEIVED", "deductedPostage", postage);
    assertThat(pi)
        .isWaitingAt("userTask_retainBuyer")
        .variables()
        .containsEntry("deductPostage", true)
        .containsEntry("postagePaidBy", "BUYER")
        .containsEntry("causeGroup", "BUYER");
    SentMessages sent = new SentMessages(shop, processEngine.getTaskService(), caseRepository);
    Assertions.assertThat(sent.shown(taskOf(pi, "userTask_retainBuyer")))
        .contains("运费 " + BigDecimal.valueOf(postage).setScale(2) + " 元需要由您承担")
        .contains("从退款金额中扣除");
    assertRefused(
            pi,
            "userTask_retainBuyer",
            vars("retentionOffer", "NONE", "retentionOutcome", "INSISTS"))
        .hasMessage(SentMessages.NOT_TICKED);
    completeAs(
        pi,
        "userTask_retainBuyer",
        "agent1",
        told(vars("retentionOffer", "NONE", "retentionOutcome", "INSISTS")));
    Assertions.assertThat(sent.of(pi.getBusinessKey(), MessagePurpose.POSTAGE_DEDUCTION))
        .extracting(SentMessage::text)
        .singleElement()
        .asString()
        .contains(BigDecimal.valueOf(postage).setScale(2).toPlainString());
    assertThat(pi).isWaitingAt("userTask_receiveReturn");
    receive(pi, true);
    return pi;
  }

  /** One item at 50 yuan (65 paid with postage): the goods less what the buyer caused. */
  @ParameterizedTest(name = "{0}: postage {1} -> refund {2}, deducted {3}")
  @CsvSource({
    "BUYER_WRONG_ADDRESS, 12.00, 38.00, 12.00",
    "BUYER_UNREACHABLE,   20.50, 29.50, 20.50",
    "BUYER_REFUSED,        0.00, 50.00, 0.00",
    "BUYER_REFUSED,       49.99,  0.01, 49.99",
  })
  void shouldDeductThePostageTheBuyerCausedFromTheRefund(
      String cause, double postage, String refund, String deducted) {
    ProcessInstance pi = bouncedBack(cause, postage);
    Assertions.assertThat(
            (String) processEngine.getRuntimeService().getVariable(pi.getId(), "refundReason"))
        .contains(
            new BigDecimal(deducted).signum() > 0 ? "已扣除买家原因产生的运费 " + deducted + " 元" : "退货退款");
    financeAgrees(pi);
    assertThat(pi).isEnded().hasPassed("serviceTask_restock", "endEvent_returned");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo(refund);
    Assertions.assertThat(
            orders.count(
                "select count(*) from return_register where case_id = ? and total_amount = ?"
                    + " and coalesce(postage_deducted, 0) = ? and return_type = 'BUYER'",
                pi.getBusinessKey(),
                new BigDecimal(refund),
                new BigDecimal(deducted)))
        .isEqualTo(1);
    Assertions.assertThat(timeline(pi))
        .anyMatch(d -> d.contains("在退款时扣除"))
        .matches(
            all ->
                new BigDecimal(deducted).signum() == 0
                    || all.stream().anyMatch(d -> d.contains("已扣除买家原因")));
  }

  @Test
  void shouldEndWithoutARefundWhenThePostageTheBuyerCausedTakesItAll() {
    ProcessInstance pi = bouncedBack("BUYER_REFUSED", 80.0);
    assertThat(pi)
        .isEnded()
        .hasPassed("endEvent_nothingToRefund")
        .hasNotPassed("callActivity_refundReturn");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("0");
    Assertions.assertThat(
            orders.count(
                "select count(*) from return_register where case_id = ? and total_amount = 0"
                    + " and postage_deducted = 50.00",
                pi.getBusinessKey()))
        .isEqualTo(1);
    Assertions.assertThat(caseRepository.find(pi.getBusinessKey()).orElseThrow().outcome())
        .isEqualTo("nothingToRefund");
  }

  @Test
  void shouldAskForThePostageTheBuyerCausedAndKeepItOffOtherReturns() {
    ProcessInstance pi = open();
    assertRefused(
            pi,
            "userTask_assessReturn",
            told(vars("cause", "BUYER_WRONG_ADDRESS", "receiptState", "NOT_RECEIVED")))
        .hasMessageContaining("买家原因产生的运费");
    assess(pi, "BUYER_NO_NEED", "NOT_RECEIVED", "deductedPostage", 12.0);
    assertThat(pi).isWaitingAt("userTask_retainBuyer");
    Assertions.assertThat(
            processEngine.getRuntimeService().getVariable(pi.getId(), "deductedPostage"))
        .isNull();
    Assertions.assertThat(
            new SentMessages(shop, processEngine.getTaskService(), caseRepository)
                .shown(taskOf(pi, "userTask_retainBuyer")))
        .isNull();
  }

  private java.util.List<String> timeline(ProcessInstance pi) {
    return caseRepository.timeline(pi.getBusinessKey()).stream().map(CaseEvent::detail).toList();
  }
}
