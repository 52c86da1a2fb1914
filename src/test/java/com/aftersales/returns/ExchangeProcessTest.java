package com.aftersales.returns;

import static com.aftersales.support.ClaimSteps.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.aftersales.cases.CaseKind;
import com.aftersales.support.ProcessPathTest;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Every path of {@code bpmn/exchange.bpmn}. */
class ExchangeProcessTest extends ProcessPathTest {

  ExchangeProcessTest() {
    super("exchange");
  }

  private ProcessInstance open() {
    String orderId =
        orders.create(
            "buyer_x",
            "80.00",
            1,
            "10.00",
            OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(2));
    String caseId = cases.open("EXCHANGE", orderId, "buyer_x", "想换一个").record().caseId();
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId)
        .processDefinitionKey(CaseKind.EXCHANGE.processKey())
        .singleResult();
  }

  /** The buyer sends the item back (after the case's steps ran) and the agent notes the parcel. */
  private void buyerShips(ProcessInstance pi) {
    runDueJobs(pi);
    completeAs(
        pi,
        "userTask_awaitBuyerShipment",
        "agent1",
        told(vars("returnCarrier", "圆通速递", "returnTrackingNumber", "YT1234567890")));
  }

  private void returnAndInspect(ProcessInstance pi, boolean resaleable) {
    buyerShips(pi);
    completeAs(
        pi,
        "userTask_receiveReturn",
        "warehouse",
        vars("parcels", 1L, "matchesCase", true, "transitDamage", false, "resaleable", resaleable));
    runDueJobs(pi);
  }

  private void shipReplacement(ProcessInstance pi) {
    runDueJobs(pi);
    completeAs(pi, "userTask_shipReshipment", "warehouse", shipped());
    runDueJobs(pi);
    completeAs(pi, "userTask_followReshipment", "agent1", received());
    runDueJobs(pi);
  }

  @Test
  void shouldExchangeForAllergyWithTheChecksTheRiskAndTheBuyersPostage() {
    ProcessInstance pi = open();
    completeAs(
        pi,
        "userTask_assessExchange",
        "agent1",
        told(
            vars(
                "cause",
                "BUYER_ALLERGY",
                "replacementItem",
                "温和型保湿面霜",
                "skinType",
                "敏感肌",
                "buyerAge",
                "25-30",
                "buyerRegion",
                "广东",
                "usage",
                "早晚各一次",
                "buyerInsistsOnProduct",
                true,
                "riskAcknowledged",
                true)));
    assertThat(pi)
        .isWaitingAt("userTask_collectPostage")
        .variables()
        .containsEntry("postagePaidBy", "BUYER");
    completeAs(
        pi,
        "userTask_collectPostage",
        "agent1",
        vars("postageCollected", true, "collectedPostage", 20));
    returnAndInspect(pi, true);
    assertThat(pi).hasPassed("serviceTask_restock");
    shipReplacement(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("endEvent_exchanged")
        .hasNotPassed("callActivity_refundPostage");
    Assertions.assertThat(
            orders.count(
                "select count(*) from reship_form where case_id = ? and product_name = '温和型保湿面霜' and reason like '换货%'",
                pi.getBusinessKey()))
        .isEqualTo(1);
    Assertions.assertThat(
            orders.count(
                "select count(*) from return_register where case_id = ? and solution = '换货' and restocked = true",
                pi.getBusinessKey()))
        .isEqualTo(1);
  }

  @Test
  void shouldRefundTheAdvancedPostageAfterAQualityExchange() {
    ProcessInstance pi = open();
    completeAs(
        pi,
        "userTask_assessExchange",
        "agent1",
        told(vars("cause", "QUALITY", "returnPostage", 12)));
    assertThat(pi).isWaitingAt("serviceTask_sendReturnAddress");
    returnAndInspect(pi, false);
    shipReplacement(pi);
    assertThat(pi).isWaitingAt("callActivity_refundPostage");
    financeAgrees(pi);
    assertThat(pi).isEnded().hasPassed("callActivity_refundPostage", "endEvent_exchanged");
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("12.00");
  }

  @Test
  void shouldNotAskForBadlyDamagedGoodsBackWhenTheCourierIsAtFault() {
    ProcessInstance pi = open();
    completeAs(
        pi,
        "userTask_assessExchange",
        "agent1",
        told(vars("cause", "COURIER_DAMAGE", "badlyDamaged", true)));
    assertThat(pi).variables().containsEntry("mustReturn", false);
    shipReplacement(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("endEvent_exchanged")
        .hasNotPassed("userTask_awaitBuyerShipment");
  }

  @Test
  void shouldRefuseANoReasonExchangeWhenTheSealIsBroken() {
    ProcessInstance pi = open();
    completeAs(
        pi,
        "userTask_assessExchange",
        "agent1",
        told(vars("cause", "BUYER_NO_REASON", "sealIntact", false)));
    assertThat(pi).isWaitingAt("userTask_explainRefusal");
    Assertions.assertThat(
            (String) processEngine.getRuntimeService().getVariable(pi.getId(), "refusalReason"))
        .contains("密封完好");
    completeAs(pi, "userTask_explainRefusal", "agent1", told(vars("explanation", "已拆封，不能无理由换货")));
    assertThat(pi).isEnded().hasPassed("endEvent_refused");
  }

  @Test
  void shouldCloseWhenTheBuyerNeverShipsTheItemBack() {
    ProcessInstance pi = open();
    completeAs(pi, "userTask_assessExchange", "agent1", told(vars("cause", "SHOP_WRONG_ITEM")));
    runDueJobs(pi);
    fireTimer(pi, "timer_shipmentReminder");
    fireTimer(pi, "timer_shipmentDeadline");
    assertThat(pi).isEnded().hasPassed("endEvent_shipmentReminded", "endEvent_abandoned");
  }

  @Test
  void shouldEscalateAnExchangeParcelThatDoesNotArrive() {
    ProcessInstance pi = open();
    completeAs(pi, "userTask_assessExchange", "agent1", told(vars("cause", "SHOP_WRONG_ITEM")));
    buyerShips(pi);
    fireTimer(pi, "timer_receiptEscalation");
    assertThat(taskOf(pi, "userTask_receiveReturn")).hasCandidateGroup("supervisors");
    assertThat(pi).hasPassed("endEvent_receiptEscalated");
  }

  @Test
  void shouldRequireTheAllergyChecksAndTheRiskAcknowledgement() {
    ProcessInstance pi = open();
    Map<String, Object> noChecks = vars("cause", "BUYER_ALLERGY");
    assertRefused(pi, "userTask_assessExchange", noChecks).hasMessageContaining("请填写肤质");
    Map<String, Object> noRisk =
        vars("cause", "QUALITY", "buyerInsistsOnProduct", true, "riskAcknowledged", false);
    assertRefused(pi, "userTask_assessExchange", noRisk).hasMessageContaining("买家已知晓风险");
    completeAs(pi, "userTask_assessExchange", "agent1", told(vars("cause", "BUYER_NO_NEED")));
    assertRefused(
            pi, "userTask_collectPostage", vars("postageCollected", false, "collectedPostage", 10))
        .hasMessageContaining("请先收取运费");
  }
}
