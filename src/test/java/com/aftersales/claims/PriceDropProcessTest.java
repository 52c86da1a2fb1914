package com.aftersales.claims;

import static com.aftersales.support.ClaimSteps.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseKind;
import com.aftersales.cases.CaseRecord;
import com.aftersales.cases.CaseStatus;
import com.aftersales.shop.MessagePurpose;
import com.aftersales.shop.SentMessage;
import com.aftersales.support.FormWalker;
import com.aftersales.support.ProcessPathTest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bpmn/price-drop-refund.bpmn} (seed 004, 价格下降): the agent applies with the order, the new
 * price and the day of the cut; a request the rule refuses opens no case; a supervisor approves
 * (the called refund pays the difference) or refuses (the agent tells the buyer why).
 */
class PriceDropProcessTest extends ProcessPathTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String APPROVE_TASK = "userTask_approvePriceDrop";
  private static final String TELL_TASK = "userTask_tellRefusal";

  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  PriceDropProcessTest() {
    super("price-drop-refund");
  }

  /** Yesterday in the shop's time: two days after the test orders were paid (three days ago). */
  private static String yesterday() {
    return LocalDate.now(SHANGHAI).minusDays(1).toString();
  }

  private static Map<String, Object> request(Object newPrice, Object cutDate, Object quantity) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("newPrice", newPrice);
    fields.put("priceCutDate", cutDate);
    fields.put("priceDropQuantity", quantity);
    return fields;
  }

  /** Opens a price-drop case on the order with the order number alone, as the start form does. */
  private ProcessInstance open(String orderId, Map<String, Object> fields) {
    String caseId = cases.open("PRICE_DROP", orderId, null, null, fields).record().caseId();
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId)
        .processDefinitionKey(CaseKind.PRICE_DROP.processKey())
        .singleResult();
  }

  private ProcessInstance openOnFreshOrder(Map<String, Object> fields) {
    return open(orders.create("tb_pricedrop", "100.00", 2), fields);
  }

  private Map<String, Object> decision(String approval, String note) {
    return vars("priceDropApproval", approval, "priceDropNote", note);
  }

  /** What the called refund reported back, from the case's history. */
  private Object reportedOutcome(ProcessInstance pi) {
    return processEngine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId())
        .variableName("refundOutcome")
        .singleResult()
        .getValue();
  }

  private HistoricProcessInstance calledRefund(ProcessInstance pi) {
    return processEngine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .superProcessInstanceId(pi.getId())
        .singleResult();
  }

  private Object variableOf(HistoricProcessInstance refund, String name) {
    return processEngine
        .getHistoryService()
        .createHistoricVariableInstanceQuery()
        .processInstanceId(refund.getId())
        .variableName(name)
        .singleResult()
        .getValue();
  }

  @Test
  void anApprovedDifferenceIsPaidThroughTheCalledRefund() {
    String orderId = orders.create("tb_pricedrop", "100.00", 2);
    ProcessInstance pi = open(orderId, request(80.0, yesterday(), null));
    CaseRecord opened = caseRepository.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(opened.buyerId())
        .as("the buyer is the order's")
        .isEqualTo("tb_pricedrop");
    Assertions.assertThat(opened.kind()).isEqualTo(CaseKind.PRICE_DROP);
    assertThat(pi)
        .isWaitingAt(APPROVE_TASK)
        .variables()
        .containsEntry("refundAmount", 40.0)
        .containsEntry("refundKind", "PRICE_DIFFERENCE")
        .containsEntry("priceDropQuantity", 2L)
        .containsEntry("daysAfterPurchase", 2L)
        .containsEntry("priceDropWindowDays", 15L);
    assertThat(task(APPROVE_TASK, pi)).hasCandidateGroup("supervisors");
    Assertions.assertThat(task(APPROVE_TASK, pi).getDueDate()).isNotNull();

    completeAs(pi, APPROVE_TASK, "supervisor", decision("APPROVE", null));
    assertThat(pi).isWaitingAt("callActivity_refund");
    HistoricProcessInstance refund = calledRefund(pi);
    Assertions.assertThat(variableOf(refund, "refundKind")).isEqualTo("PRICE_DIFFERENCE");
    Assertions.assertThat(variableOf(refund, "refundAmount")).isEqualTo(40.0);
    Assertions.assertThat((String) variableOf(refund, "refundReason")).contains("降价退差价");

    // whatever path finance takes (platform refund or transfer), finance agrees
    new FormWalker(processEngine, 18L, FormWalker.answers("refundDecision", "AGREE"))
        .walkToEnd(pi.getId(), 40);
    Assertions.assertThat(reportedOutcome(pi)).isEqualTo("AGREED");
    assertThat(pi).isEnded().hasPassed("endEvent_refunded").hasNotPassed(TELL_TASK);
    CaseRecord closed = caseRepository.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
    Assertions.assertThat(closed.outcome()).isEqualTo("refunded");
    Assertions.assertThat(closed.category()).isEqualTo("价格下降");
  }

  @Test
  void aDifferenceFinanceRejectsEndsUnpaid() {
    ProcessInstance pi = openOnFreshOrder(request(90.0, yesterday(), 1L));
    assertThat(pi).variables().containsEntry("refundAmount", 10.0);
    completeAs(pi, APPROVE_TASK, "supervisor", decision("APPROVE", "老客户，同意"));
    new FormWalker(processEngine, 7L, FormWalker.answers("refundDecision", "REJECT"))
        .walkToEnd(pi.getId(), 40);
    Assertions.assertThat(reportedOutcome(pi)).isNotEqualTo("AGREED");
    assertThat(pi).isEnded().hasPassed("endEvent_notRefunded").hasNotPassed("endEvent_refunded");
  }

  @Test
  void aRefusalIsToldToTheBuyerAndEndsTheCase() {
    ProcessInstance pi = openOnFreshOrder(request(95.5, yesterday(), null));
    assertRefused(pi, APPROVE_TASK, decision("REFUSE", " "))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("请填写主管意见");
    completeAs(pi, APPROVE_TASK, "supervisor", decision("REFUSE", "降价是限时活动价，不参与退差价"));
    assertThat(pi).isWaitingAt(TELL_TASK);
    assertThat(task(TELL_TASK, pi)).hasCandidateGroup("agents");
    String text =
        (String)
            processEngine
                .getTaskService()
                .getVariable(taskOf(pi, TELL_TASK).getId(), "buyerMessageText");
    Assertions.assertThat(text).contains(orderOf(pi)).contains("降价是限时活动价，不参与退差价");
    Assertions.assertThat(shop.buyerMessages(pi.getBusinessKey())).isEmpty();

    assertRefused(pi, TELL_TASK, vars())
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("已在千牛发送给买家");
    completeAs(pi, TELL_TASK, "agent1", vars("buyerMessageSent", true));

    assertThat(pi).isEnded().hasPassed("endEvent_refused").hasNotPassed("callActivity_refund");
    List<SentMessage> sent = shop.buyerMessages(pi.getBusinessKey());
    Assertions.assertThat(sent).hasSize(1);
    Assertions.assertThat(sent.get(0).purpose()).isEqualTo(MessagePurpose.REFUSAL_REASON);
    Assertions.assertThat(sent.get(0).text()).isEqualTo(text);
    Assertions.assertThat(orders.refunded(orderOf(pi))).isEqualByComparingTo("0");
    CaseRecord closed = caseRepository.find(pi.getBusinessKey()).orElseThrow();
    Assertions.assertThat(closed.outcome()).isEqualTo("refused");
    Assertions.assertThat(closed.status()).isEqualTo(CaseStatus.CLOSED);
  }

  @Test
  void onlyASupervisorApproves() {
    ProcessInstance pi = openOnFreshOrder(request(80.0, yesterday(), null));
    processEngine.getTaskService().setAssignee(taskOf(pi, APPROVE_TASK).getId(), "agent1");
    Assertions.assertThatThrownBy(
            () ->
                processEngine
                    .getTaskService()
                    .complete(taskOf(pi, APPROVE_TASK).getId(), decision("APPROVE", null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("只有客服主管可以审批退差价");
    assertThat(pi).isWaitingAt(APPROVE_TASK);
    completeAs(pi, APPROVE_TASK, "supervisor", decision("APPROVE", null));
    assertThat(pi).isWaitingAt("callActivity_refund");
  }

  /** A request the rule refuses opens nothing: the message names the field to correct. */
  @Test
  void aRequestTheRuleRefusesOpensNoCase() {
    String orderId = orders.create("tb_pricedrop", "100.00", 2);
    String tomorrow = LocalDate.now(SHANGHAI).plusDays(1).toString();
    Object[][] refused = {
      {request(100.0, yesterday(), null), "newPrice", "没有差价可退"},
      {request(null, yesterday(), null), "newPrice", "请填写降价后的价格"},
      {request(-1.0, yesterday(), null), "newPrice", "不能为负数"},
      {request(80.0, tomorrow, null), "priceCutDate", "还没到"},
      {request(80.0, "6月1日", null), "priceCutDate", "格式不对"},
      {request(80.0, null, null), "priceCutDate", "请填写降价日期"},
      {request(80.0, yesterday(), 3.0), "priceDropQuantity", "应在 1 到 2 之间"},
      {
        request(80.0, LocalDate.now(SHANGHAI).minusDays(10).toString(), null),
        "priceCutDate",
        "早于买家付款日期"
      },
    };
    for (Object[] row : refused) {
      @SuppressWarnings("unchecked")
      Map<String, Object> fields = (Map<String, Object>) row[0];
      Assertions.assertThatThrownBy(() -> open(orderId, fields))
          .as("%s", fields)
          .isInstanceOfSatisfying(
              InvalidInputException.class, e -> Assertions.assertThat(e.field()).isEqualTo(row[1]))
          .hasMessageContaining((String) row[2]);
    }
    Assertions.assertThat(
            orders.count("select count(*) from after_sales_case where order_id = ?", orderId))
        .as("no case was opened")
        .isZero();
  }

  @Test
  void aPriceCutLongAfterThePurchaseIsNotEligible() {
    String orderId = orders.create("tb_pricedrop", "100.00", 1);
    jdbc.update(
        "update shop_order set paid_at = ? where order_id = ?",
        OffsetDateTime.now(SHANGHAI).minusDays(30),
        orderId);
    Assertions.assertThatThrownBy(() -> open(orderId, request(80.0, yesterday(), null)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("相隔 29 天，超过可申请退差价的 15 天");
    // within the window on the other side: cut 15 days after paying
    String inWindow = LocalDate.now(SHANGHAI).minusDays(15).toString();
    ProcessInstance pi = open(orderId, request(80.0, inWindow, null));
    assertThat(pi).isWaitingAt(APPROVE_TASK).variables().containsEntry("daysAfterPurchase", 15L);
  }

  /** {@code POST /api/cases}: an agent opens it with the order number alone. */
  @Test
  void anAgentOpensItThroughTheApiWithTheOrderNumberAlone() {
    String orderId = orders.create("tb_pricedrop_api", "59.90", 1);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body =
        "{\"kind\":\"PRICE_DROP\",\"orderId\":\""
            + orderId
            + "\",\"newPrice\":49.9,\"priceCutDate\":\""
            + yesterday()
            + "\"}";
    ResponseEntity<Map> created =
        http.withBasicAuth("agent1", "demo")
            .postForEntity("/api/cases", new HttpEntity<>(body, headers), Map.class);
    Assertions.assertThat(created.getStatusCode().value()).isEqualTo(201);
    Assertions.assertThat(created.getBody())
        .containsEntry("buyerId", "tb_pricedrop_api")
        .containsEntry("kindLabel", "降价退差价")
        .containsEntry("description", "降价退差价");
    ResponseEntity<Map> refused =
        http.withBasicAuth("agent1", "demo")
            .postForEntity(
                "/api/cases",
                new HttpEntity<>(
                    body.replace("49.9", "69.9")
                        .replace(orderId, orders.create("tb_pricedrop_api", "59.90", 1)),
                    headers),
                Map.class);
    Assertions.assertThat(refused.getStatusCode().value()).isEqualTo(400);
    Assertions.assertThat(refused.getBody()).containsEntry("field", "newPrice");
    Assertions.assertThat((String) refused.getBody().get("detail")).contains("没有差价可退");
  }
}
