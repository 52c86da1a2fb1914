package com.aftersales.logistics;

import static com.aftersales.support.ClaimSteps.received;
import static com.aftersales.support.ClaimSteps.shipped;
import static com.aftersales.support.ClaimSteps.told;
import static com.aftersales.support.ClaimSteps.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.aftersales.cases.CaseKind;
import com.aftersales.logistics.LogisticsChoices.Source;
import com.aftersales.shop.MessagePurpose;
import com.aftersales.shop.SentMessage;
import com.aftersales.support.ProcessPathTest;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code bpmn/logistics-exception.bpmn}: every path of seed 002 ch.1, with the receipt time. */
class LogisticsExceptionProcessTest extends ProcessPathTest {

  @Autowired JdbcTemplate jdbc;
  @Autowired LogisticsCases logistics;

  LogisticsExceptionProcessTest() {
    super("logistics-exception");
  }

  private String order(String status) {
    String orderId = orders.create("tb_parcel", "80.00", 1);
    orders.status(orderId, status);
    if ("PAID".equals(status)) {
      jdbc.update(
          "update shop_order set tracking_number = null, carrier = null where order_id = ?",
          orderId);
    }
    return orderId;
  }

  private ProcessInstance open(String orderId) {
    String caseId = cases.open("LOGISTICS", orderId, "tb_parcel", "买家问包裹到哪了").record().caseId();
    ProcessInstance pi = instance(caseId);
    runDueJobs(pi);
    return pi;
  }

  private ProcessInstance instance(String caseId) {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId)
        .processDefinitionKey("logistics-exception")
        .singleResult();
  }

  private ProcessInstance assessed(String situation, Object... more) {
    ProcessInstance pi = open(order("SHIPPED"));
    Map<String, Object> v = vars("parcelSituation", situation, "assessNote", "已查看物流");
    for (int i = 0; i < more.length; i += 2) {
      v.put((String) more[i], more[i + 1]);
    }
    completeAs(pi, "userTask_assessTrace", "agent1", v);
    return pi;
  }

  private void extend(ProcessInstance pi, int days) {
    completeAs(
        pi,
        "userTask_extendReceipt",
        "agent1",
        vars("receiptExtension", "EXTEND", "extendDays", String.valueOf(days)));
    runDueJobs(pi);
  }

  private void reshipDone(ProcessInstance pi) {
    runDueJobs(pi);
    completeAs(pi, "userTask_shipReshipment", "warehouse", shipped());
    runDueJobs(pi);
    completeAs(pi, "userTask_tellReshipTracking", "agent1", told(vars()));
    completeAs(pi, "userTask_followReshipment", "agent1", received());
  }

  private Map<String, Object> row(ProcessInstance pi) {
    return jdbc.queryForMap(
        "select * from logistics_register where case_id = ?", pi.getBusinessKey());
  }

  private List<SentMessage> sent(ProcessInstance pi) {
    return shop.buyerMessages(pi.getBusinessKey());
  }

  private int calls(String orderId, String operation) {
    return orders.count(
        "select count(*) from shop_call where order_id = ? and operation = ?", orderId, operation);
  }

  @Test
  void aPaidOrderNotArrangedIsFlaggedShippedByTheWarehouseAndTheBuyerTold() {
    String orderId = order("PAID");
    ProcessInstance pi = open(orderId);
    Task check = taskOf(pi, "userTask_warehouseCheck");
    assertThat(check).hasCandidateGroup("warehouse");
    completeAs(
        pi, "userTask_warehouseCheck", "warehouse", vars("warehouseFinding", "NOT_ARRANGED"));
    runDueJobs(pi);
    Assertions.assertThat(orders.flag(orderId)).isEqualTo("BLUE");
    assertRefused(pi, "userTask_shipNow", vars("shipCarrier", "中通快递", "shipTrackingNumber", "x"))
        .hasMessageContaining("物流单号");
    completeAs(
        pi,
        "userTask_shipNow",
        "warehouse",
        vars("shipCarrier", "中通快递", "shipTrackingNumber", "ZT20240001"));
    runDueJobs(pi);
    Assertions.assertThat(orders.status(orderId)).isEqualTo("SHIPPED");
    String text =
        (String)
            processEngine
                .getTaskService()
                .getVariable(taskOf(pi, "userTask_tellShipped").getId(), "buyerMessageText");
    Assertions.assertThat(text).contains("ZT20240001").contains(orderId);
    completeAs(pi, "userTask_tellShipped", "agent1", told(vars()));
    assertThat(pi).isEnded().hasPassed("serviceTask_flagShipNow", "endEvent_shippedNow");
    Assertions.assertThat(sent(pi))
        .extracting(SentMessage::purpose)
        .containsExactly(MessagePurpose.LOGISTICS_UPDATE);
    Assertions.assertThat(row(pi))
        .containsEntry("problem_type", "NOT_SHIPPED")
        .containsEntry("problem_label", "未发货")
        .containsEntry("waybill_number", "ZT20240001")
        .containsEntry("source_label", "买家查件")
        .containsEntry("buyer_phone_masked", "138****0000")
        .containsEntry("result", "已安排发货");
  }

  @Test
  void aParcelShippedButNotMarkedIsMarkedShippedWithoutAFlag() {
    String orderId = order("PAID");
    ProcessInstance pi = open(orderId);
    assertRefused(pi, "userTask_warehouseCheck", vars("warehouseFinding", "SHIPPED_NOT_MARKED"))
        .hasMessageContaining("快递公司");
    completeAs(
        pi,
        "userTask_warehouseCheck",
        "warehouse",
        vars(
            "warehouseFinding",
            "SHIPPED_NOT_MARKED",
            "shipCarrier",
            "圆通速递",
            "shipTrackingNumber",
            "YT88880001"));
    runDueJobs(pi);
    Assertions.assertThat(orders.flag(orderId)).isNull();
    completeAs(pi, "userTask_tellShipped", "agent1", told(vars()));
    assertThat(pi).isEnded().hasPassed("endEvent_shippedNow").hasNotPassed("userTask_shipNow");
  }

  @Test
  void aNormalTraceIsToldToTheBuyer() {
    ProcessInstance pi = assessed("NORMAL");
    assertThat(pi).hasNotPassed("userTask_extendReceipt");
    completeAs(pi, "userTask_tellNormal", "agent2", told(vars()));
    assertThat(pi).isEnded().hasPassed("endEvent_normal");
    Assertions.assertThat(row(pi))
        .containsEntry("problem_label", "正常件")
        .containsEntry("agent", "agent1")
        .containsEntry("actions", "查件：正常件，已查看物流")
        .containsEntry("result", "正常件");
  }

  @Test
  void aDamagedParcelGoesToTheDamageClaim() {
    ProcessInstance pi = assessed("DAMAGED");
    runDueJobs(pi);
    assertThat(pi).isEnded().hasPassed("endEvent_damageClaim");
    String damage =
        (String)
            processEngine
                .getHistoryService()
                .createHistoricVariableInstanceQuery()
                .processInstanceId(pi.getId())
                .variableName("damageCaseId")
                .singleResult()
                .getValue();
    Assertions.assertThat(caseRepository.find(damage).orElseThrow().kind())
        .isEqualTo(CaseKind.DAMAGE);
  }

  @Test
  void aBuyerReachedGivesDetailsAndTheReceiptTimeIsExtendedThroughThePort() {
    ProcessInstance pi = assessed("DIFFICULT_BUYER");
    String orderId = orderOf(pi);
    assertRefused(
            pi, "userTask_extendReceipt", vars("receiptExtension", "EXTEND", "extendDays", "4"))
        .hasMessageContaining("3、5、7 或 10");
    assertRefused(pi, "userTask_extendReceipt", vars("receiptExtension", "NOT_NEEDED"))
        .hasMessageContaining("还没有签收");
    extend(pi, 5);
    Assertions.assertThat(calls(orderId, "EXTEND_RECEIPT")).isEqualTo(1);
    assertRefused(pi, "userTask_contactBuyer", vars("contactNote", "打了两次"))
        .hasMessageContaining("正确地址");
    completeAs(
        pi,
        "userTask_contactBuyer",
        "agent1",
        vars("detailsConfirmed", true, "contactNote", "买家换了号码，已告知快递"));
    completeAs(pi, "userTask_followDelivery", "agent1", vars("deliveredConfirmed", true));
    assertThat(pi).isEnded().hasPassed("endEvent_delivered", "endEvent_receiptHandled");
    Assertions.assertThat(row(pi).get("actions").toString()).contains("延长收货时间 5 天");
  }

  @Test
  void aBuyerUnreachableForFourDaysHasTheParcelReturnedAndReshippedOnceTheyCall() {
    ProcessInstance pi = assessed("DIFFICULT_BUYER");
    extend(pi, 7);
    moveClock(Duration.ofDays(4).plusMinutes(1));
    runDueTimers(pi);
    assertThat(pi).hasPassed("timer_buyerUnreachable");
    assertRefused(pi, "userTask_requestReturn", vars()).hasMessageContaining("一周内将件退回");
    completeAs(pi, "userTask_requestReturn", "agent1", vars("returnRequested", true));
    completeAs(
        pi,
        "userTask_awaitBuyer",
        "agent1",
        vars("buyerBack", "DETAILS_CONFIRMED", "contactNote", "买家来电给了新地址"));
    reshipDone(pi);
    completeAs(pi, "userTask_recoverOriginal", "warehouse", vars("originalReceived", true));
    assertThat(pi).isEnded().hasPassed("callActivity_reship", "endEvent_reshipped");
  }

  @Test
  void aBuyerWhoNeverCallsBackEndsWithTheParcelReturned() {
    ProcessInstance pi = assessed("DIFFICULT_BUYER");
    extend(pi, 3);
    moveClock(Duration.ofDays(5));
    runDueTimers(pi);
    completeAs(pi, "userTask_requestReturn", "agent1", vars("returnRequested", true));
    completeAs(pi, "userTask_awaitBuyer", "agent1", vars("buyerBack", "GAVE_UP"));
    assertThat(pi).isEnded().hasPassed("endEvent_returnedUnclaimed");
  }

  @Test
  void theCourierIsChasedTheBuyerKeptInformedAndAnUndeliverableParcelReshipped() {
    ProcessInstance pi = assessed("DIFFICULT_COURIER", "courierCause", "HELD");
    extend(pi, 10);
    Task chase = taskOf(pi, "userTask_chaseCourier");
    Assertions.assertThat(
            (String) processEngine.getTaskService().getVariable(chase.getId(), "buyerMessageText"))
        .contains("非常抱歉");
    completeAs(
        pi,
        "userTask_chaseCourier",
        "agent1",
        told(vars("chaseOutcome", "KEEP_CHASING", "chaseNote", "快递说件在网点留仓，明天派送")));
    completeAs(pi, "userTask_updateBuyer", "agent1", told(vars()));
    moveClock(Duration.ofDays(1).plusMinutes(1));
    runDueTimers(pi);
    assertThat(pi).hasPassed("serviceTask_remindChase");
    completeAs(
        pi,
        "userTask_chaseCourier",
        "agent1",
        vars("chaseOutcome", "CANNOT_DELIVER", "chaseNote", "网点无法派送"));
    reshipDone(pi);
    completeAs(pi, "userTask_recoverOriginal", "warehouse", vars("originalReceived", true));
    assertThat(pi).isEnded().hasPassed("endEvent_reshipped");
    Assertions.assertThat(sent(pi))
        .extracting(SentMessage::purpose)
        .containsExactly(
            MessagePurpose.APOLOGY,
            MessagePurpose.LOGISTICS_UPDATE,
            MessagePurpose.RESHIP_TRACKING);
    Assertions.assertThat(row(pi)).containsEntry("problem_type", "DIFFICULT_COURIER");
  }

  @Test
  void aParcelSignedBySomeoneElseIsChasedAndRegisteredAsSuch() {
    ProcessInstance pi = assessed("DIFFICULT_COURIER", "courierCause", "SIGNED_BY_OTHER");
    extend(pi, 3);
    completeAs(
        pi,
        "userTask_chaseCourier",
        "agent1",
        told(vars("chaseOutcome", "DELIVERED", "chaseNote", "快递找回，已送到买家")));
    assertThat(pi).isEnded().hasPassed("endEvent_delivered");
    Assertions.assertThat(row(pi)).containsEntry("problem_label", "非本人签收");
  }

  @Test
  void theReceiptTimeEscalatesToSupervisorsBeforeThePlatformConfirmsReceipt() {
    ProcessInstance pi = assessed("OUT_OF_AREA");
    Task extend = taskOf(pi, "userTask_extendReceipt");
    Date autoConfirm = new Date(extend.getDueDate().getTime() + Duration.ofDays(2).toMillis());
    // the order was paid (and shipped) three days ago: the platform confirms 10 days after that
    Assertions.assertThat(Duration.between(new Date().toInstant(), autoConfirm.toInstant()))
        .isBetween(Duration.ofDays(6).plusHours(23), Duration.ofDays(7).plusHours(1));
    moveClock(Duration.ofDays(4));
    runDueTimers(pi);
    assertThat(taskOf(pi, "userTask_extendReceipt")).hasCandidateGroup("agents");
    moveClock(Duration.ofDays(1).plusHours(1));
    runDueTimers(pi);
    assertThat(pi).hasPassed("endEvent_extensionEscalated");
    assertThat(taskOf(pi, "userTask_extendReceipt")).hasCandidateGroup("supervisors");
    extend(pi, 5);
    completeAs(
        pi,
        "userTask_outOfArea",
        "agent1",
        told(vars("outOfAreaOption", "SELF_PICKUP", "chaseNote", "买家去网点自提")));
    completeAs(pi, "userTask_followDelivery", "agent1", vars("deliveredConfirmed", true));
    assertThat(pi).isEnded().hasPassed("endEvent_delivered");
    Assertions.assertThat(row(pi).get("actions").toString()).contains("已升级主管");
  }

  @Test
  void anOutOfAreaParcelIsReshippedAndTheOriginalRecovered() {
    ProcessInstance pi = assessed("OUT_OF_AREA");
    extend(pi, 5);
    completeAs(pi, "userTask_outOfArea", "agent1", told(vars("outOfAreaOption", "RESHIP")));
    reshipDone(pi);
    completeAs(pi, "userTask_recoverOriginal", "warehouse", vars("originalReceived", true));
    assertThat(pi).isEnded().hasPassed("endEvent_reshipped");
  }

  @Test
  void aLostParcelIsConfirmedRecordedAsACourierLossAndReshipped() {
    ProcessInstance pi = assessed("LOST");
    extend(pi, 7);
    assertRefused(pi, "userTask_confirmLoss", told(vars("lossAmount", "80.00")))
        .hasMessageContaining("核实确认丢件");
    completeAs(
        pi,
        "userTask_confirmLoss",
        "agent1",
        told(vars("lossConfirmed", true, "lossAmount", "80.00")));
    runDueJobs(pi);
    Map<String, Object> loss =
        jdbc.queryForMap("select * from courier_loss where case_id = ?", pi.getBusinessKey());
    Assertions.assertThat((java.math.BigDecimal) loss.get("loss_amount"))
        .isEqualByComparingTo("80.00");
    reshipDone(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("endEvent_reshipped")
        .hasNotPassed("userTask_recoverOriginal");
    Assertions.assertThat(row(pi)).containsEntry("problem_label", "丢件");
  }

  @Test
  void aCourierReportedWaybillFindsItsOrderAndTheResultGoesBackToTheCourier() {
    String orderId = order("SHIPPED");
    String waybill = "SFW" + orderId.substring(2);
    jdbc.update("update shop_order set tracking_number = ? where order_id = ?", waybill, orderId);
    String caseId = logistics.open(Source.COURIER, null, waybill, "快递：收件人电话关机").record().caseId();
    ProcessInstance pi = instance(caseId);
    runDueJobs(pi);
    Assertions.assertThat(orderOf(pi)).isEqualTo(orderId);
    completeAs(
        pi,
        "userTask_assessTrace",
        "agent1",
        vars("parcelSituation", "DIFFICULT_BUYER", "assessNote", "快递反馈电话关机"));
    extend(pi, 3);
    assertRefused(
            pi, "userTask_contactBuyer", vars("detailsConfirmed", true, "contactNote", "买家给了新号码"))
        .hasMessageContaining("反馈给快递");
    completeAs(
        pi,
        "userTask_contactBuyer",
        "agent1",
        vars("detailsConfirmed", true, "courierTold", true, "contactNote", "买家给了新号码"));
    completeAs(
        pi,
        "userTask_followDelivery",
        "agent1",
        vars("deliveredConfirmed", true, "courierTold", true));
    assertThat(pi).isEnded();
    Assertions.assertThat(row(pi))
        .containsEntry("source_label", "快递反馈")
        .containsEntry("problem_label", "快递反馈问题件")
        .containsEntry("waybill_number", waybill);
  }
}
