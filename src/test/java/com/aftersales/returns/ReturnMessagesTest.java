package com.aftersales.returns;

import static com.aftersales.shop.MessagePurpose.*;
import static com.aftersales.support.ClaimSteps.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.BuyerMessages;
import com.aftersales.cases.CaseKind;
import com.aftersales.cases.CaseRepository;
import com.aftersales.cases.CaseService;
import com.aftersales.cases.ReturnAddress;
import com.aftersales.support.ProcessTestBase;
import com.aftersales.support.SentMessages;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What returns and exchanges tell the buyer: the first words, why a request is refused, where to
 * send the goods and a reminder when they are late; each recorded only once the agent ticked that
 * it went out in Qianniu, and never on a path that does not send it.
 */
class ReturnMessagesTest extends ProcessTestBase {

  @Autowired CaseService cases;
  @Autowired CaseRepository caseRepository;
  @Autowired BuyerMessages buyerMessages;
  @Autowired ReturnAddress returnAddress;

  private SentMessages sent;

  @BeforeEach
  void messages() {
    sent = new SentMessages(shop, processEngine.getTaskService(), caseRepository);
  }

  /** An order of one item at 50 yuan, signed for yesterday. */
  private ProcessInstance open(CaseKind kind) {
    String orderId =
        orders.create(
            "buyer_rm",
            "50.00",
            1,
            "10.00",
            OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(1));
    String caseId = cases.open(kind.name(), orderId, "buyer_rm", "不合适").record().caseId();
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId)
        .processDefinitionKey(kind.processKey())
        .singleResult();
  }

  private String orderOf(ProcessInstance pi) {
    return caseRepository.find(pi.getBusinessKey()).orElseThrow().orderId();
  }

  /** A quality return the buyer insists on: the goods come back, the shop bears the postage. */
  private ProcessInstance returning() {
    ProcessInstance pi = open(CaseKind.RETURN);
    completeAs(
        pi,
        "userTask_assessReturn",
        "agent1",
        told(vars("cause", "QUALITY", "receiptState", "RECEIVED")));
    completeAs(
        pi,
        "userTask_retainBuyer",
        "agent1",
        vars("retentionOffer", "SMALL_GIFT", "retentionOutcome", "INSISTS", "retentionNote", "坚持"));
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("userTask_awaitBuyerShipment");
    return pi;
  }

  private static java.util.Map<String, Object> parcel() {
    return vars(
        "returnCarrier", "中通快递", "returnTrackingNumber", "ZT778899002", "returnPostage", 8.0);
  }

  @Test
  void shouldOpenWithTheApologyOnceTheAgentSentIt() {
    ProcessInstance pi = open(CaseKind.RETURN);
    String words = sent.shown(taskOf(pi, "userTask_assessReturn"));
    Assertions.assertThat(words).contains(orderOf(pi), "测试商品", "退货申请");
    assertRefused(pi, "userTask_assessReturn", vars("cause", "QUALITY", "receiptState", "RECEIVED"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(SentMessages.NOT_TICKED);
    Assertions.assertThat(shop.buyerMessages(pi.getBusinessKey())).isEmpty();
    completeAs(
        pi,
        "userTask_assessReturn",
        "agent1",
        told(vars("cause", "BUYER_AWAY", "receiptState", "NOT_RECEIVED")));
    sent.sentInChat(pi.getBusinessKey(), APOLOGY, "agent1", words);
    // kept: the goods never come back, so no address is given
    completeAs(
        pi,
        "userTask_retainBuyer",
        "agent1",
        vars("retentionOffer", "REDIRECT", "retentionOutcome", "RETAINED", "retentionNote", "改派"));
    assertThat(pi).isEnded();
    Assertions.assertThat(sent.purposes(pi.getBusinessKey())).containsExactly(APOLOGY);
  }

  @Test
  void shouldTellTheBuyerWhyTheReturnIsRefused() {
    ProcessInstance pi = open(CaseKind.RETURN);
    completeAs(
        pi,
        "userTask_assessReturn",
        "agent1",
        told(vars("cause", "BUYER_ALLERGY", "receiptState", "RECEIVED")));
    String why = sent.shown(taskOf(pi, "userTask_explainRefusal"));
    String reason =
        (String) processEngine.getRuntimeService().getVariable(pi.getId(), "refusalReason");
    Assertions.assertThat(why).contains(orderOf(pi), "测试商品", "没办法为您办理退货", reason);
    assertRefused(pi, "userTask_explainRefusal", vars("explanation", "已说明"))
        .hasMessage(SentMessages.NOT_TICKED);
    completeAs(pi, "userTask_explainRefusal", "agent1", told(vars("explanation", "已说明")));
    assertThat(pi).isEnded().hasPassed("endEvent_refused");
    sent.sentInChat(pi.getBusinessKey(), REFUSAL_REASON, "agent1", why);
    Assertions.assertThat(sent.purposes(pi.getBusinessKey()))
        .containsExactly(APOLOGY, REFUSAL_REASON);
  }

  @Test
  void shouldGiveTheReturnAddressWithWhoPaysThePostage() {
    ProcessInstance pi = returning();
    Task await = taskOf(pi, "userTask_awaitBuyerShipment");
    String address = sent.shown(await);
    Assertions.assertThat(address)
        .contains(
            returnAddress.returnAddress(),
            orderOf(pi),
            "先垫付",
            buyerMessages.when(await.getDueDate()));
    Assertions.assertThat(orders.remarks(orderOf(pi), "remark_internal"))
        .contains("待客服在千牛把退货地址发给买家")
        .doesNotContain("已发送");
    assertRefused(pi, "userTask_awaitBuyerShipment", parcel()).hasMessage(SentMessages.NOT_TICKED);
    Assertions.assertThat(sent.of(pi.getBusinessKey(), RETURN_ADDRESS)).isEmpty();

    completeAs(pi, "userTask_awaitBuyerShipment", "agent1", told(parcel()));
    sent.sentInChat(pi.getBusinessKey(), RETURN_ADDRESS, "agent1", address);
    Assertions.assertThat(sent.of(pi.getBusinessKey(), RETURN_REMINDER)).isEmpty();
  }

  @Test
  void shouldRecordTheShipmentReminderOnceTheAgentSentIt() {
    ProcessInstance pi = returning();
    fireTimer(pi, "timer_shipmentReminder");
    Task await = taskOf(pi, "userTask_awaitBuyerShipment");
    String reminder = sent.reminder(await);
    Assertions.assertThat(reminder)
        .contains(orderOf(pi), returnAddress.returnAddress(), "还没有收到您寄回的包裹");
    Assertions.assertThat(orders.remarks(orderOf(pi), "remark_internal"))
        .contains("提醒买家的话已交给客服在千牛发送")
        .doesNotContain("已提醒");
    Assertions.assertThat(sent.of(pi.getBusinessKey(), RETURN_REMINDER)).isEmpty();

    var values = told(parcel());
    values.put("buyerReminderSent", true);
    completeAs(pi, "userTask_awaitBuyerShipment", "agent1", values);
    sent.sentInChat(pi.getBusinessKey(), RETURN_REMINDER, "agent1", reminder);
  }

  @Test
  void shouldRecordNothingForABuyerWhoNeverShips() {
    ProcessInstance pi = returning();
    fireTimer(pi, "timer_shipmentReminder");
    fireTimer(pi, "timer_shipmentDeadline");
    assertThat(pi).isEnded().hasPassed("endEvent_abandoned");
    // neither the address nor the reminder was confirmed: neither is recorded as sent
    Assertions.assertThat(sent.purposes(pi.getBusinessKey())).containsExactly(APOLOGY);
  }

  @Test
  void shouldTellAnExchangingBuyerToPayTheirOwnPostage() {
    ProcessInstance pi = open(CaseKind.EXCHANGE);
    String words = sent.shown(taskOf(pi, "userTask_assessExchange"));
    Assertions.assertThat(words).contains(orderOf(pi), "换货申请");
    completeAs(pi, "userTask_assessExchange", "agent1", told(vars("cause", "BUYER_NO_NEED")));
    sent.sentInChat(pi.getBusinessKey(), APOLOGY, "agent1", words);
    completeAs(
        pi,
        "userTask_collectPostage",
        "agent1",
        vars("postageCollected", true, "collectedPostage", 10));
    runDueJobs(pi);
    String address = sent.shown(taskOf(pi, "userTask_awaitBuyerShipment"));
    Assertions.assertThat(address).contains(returnAddress.returnAddress(), "需要您自己承担");
    completeAs(
        pi,
        "userTask_awaitBuyerShipment",
        "agent1",
        told(vars("returnCarrier", "圆通速递", "returnTrackingNumber", "YT1234567899")));
    sent.sentInChat(pi.getBusinessKey(), RETURN_ADDRESS, "agent1", address);
  }

  @Test
  void shouldNotAskForTheGoodsWhenTheyNeedNotComeBack() {
    ProcessInstance pi = open(CaseKind.EXCHANGE);
    completeAs(
        pi,
        "userTask_assessExchange",
        "agent1",
        told(vars("cause", "COURIER_DAMAGE", "badlyDamaged", true)));
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("callActivity_reshipReplacement");
    Assertions.assertThat(sent.purposes(pi.getBusinessKey())).containsExactly(APOLOGY);
  }

  @Test
  void shouldTellAnExchangingBuyerWhyTheExchangeIsRefused() {
    ProcessInstance pi = open(CaseKind.EXCHANGE);
    completeAs(
        pi,
        "userTask_assessExchange",
        "agent1",
        told(vars("cause", "BUYER_NO_REASON", "sealIntact", false)));
    String why = sent.shown(taskOf(pi, "userTask_explainRefusal"));
    Assertions.assertThat(why).contains("没办法为您办理换货", "密封完好");
    completeAs(pi, "userTask_explainRefusal", "agent1", told(vars("explanation", "已拆封")));
    sent.sentInChat(pi.getBusinessKey(), REFUSAL_REASON, "agent1", why);
  }
}
