package com.aftersales.claims;

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
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the damage and wrong-item claims tell the buyer: each message is shown to the agent with the
 * case's values, recorded only once the agent ticked that it was sent in Qianniu, and never
 * recorded on a path that did not send it.
 */
class ClaimMessagesTest extends ProcessTestBase {

  @Autowired CaseService cases;
  @Autowired CaseRepository caseRepository;
  @Autowired BuyerMessages buyerMessages;
  @Autowired ReturnAddress returnAddress;

  private SentMessages sent;

  @BeforeEach
  void messages() {
    sent = new SentMessages(shop, processEngine.getTaskService(), caseRepository);
  }

  private ProcessInstance open(CaseKind kind, String price) {
    String orderId = orders.create("buyer_m", price, 1);
    String caseId = cases.open(kind.name(), orderId, "buyer_m", "收到的东西有问题").record().caseId();
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

  private ProcessInstance atDamageOffer(String price) {
    ProcessInstance pi = open(CaseKind.DAMAGE, price);
    completeAs(pi, "userTask_collectEvidence", "agent1", evidence());
    complete(pi, "userTask_checkEvidence", damage("USABLE", 1, false));
    assertThat(pi).isWaitingAt("userTask_offerResolution");
    return pi;
  }

  @Test
  void shouldRecordTheRequestForPhotosOnlyOnceTheAgentSentIt() {
    ProcessInstance pi = open(CaseKind.DAMAGE, "30.00");
    Task collect = taskOf(pi, "userTask_collectEvidence");
    String request = sent.shown(collect);
    Assertions.assertThat(request)
        .contains(orderOf(pi), "测试商品", "至少 2 张", buyerMessages.when(collect.getDueDate()));
    Assertions.assertThat(sent.reminder(collect)).as("no reminder before it is due").isNull();

    assertRefused(
            pi,
            "userTask_collectEvidence",
            vars("photoCount", 3L, "waybillPhotoReceived", true, "evidenceDescription", "外箱压扁"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(SentMessages.NOT_TICKED);
    Assertions.assertThat(shop.buyerMessages(pi.getBusinessKey())).isEmpty();

    completeAs(pi, "userTask_collectEvidence", "agent1", evidence());
    sent.sentInChat(pi.getBusinessKey(), EVIDENCE_REQUEST, "agent1", request);
    Assertions.assertThat(sent.of(pi.getBusinessKey(), EVIDENCE_REMINDER)).isEmpty();
  }

  @Test
  void shouldPutTheReminderOnTheOpenTaskAndRecordItOnceTheAgentSentIt() {
    ProcessInstance pi = open(CaseKind.DAMAGE, "30.00");
    fireTimer(pi, "timer_evidenceReminder");
    Task collect = taskOf(pi, "userTask_collectEvidence");
    String reminder = sent.reminder(collect);
    Assertions.assertThat(reminder)
        .contains(orderOf(pi), "还在等您的照片", buyerMessages.when(collect.getDueDate()));
    Assertions.assertThat(collect.getPriority()).isEqualTo(BuyerMessages.REMINDER_PRIORITY);
    Assertions.assertThat(sent.of(pi.getBusinessKey(), EVIDENCE_REMINDER))
        .as("nothing is recorded before the agent sent it")
        .isEmpty();

    var values = evidence();
    values.put("buyerReminderSent", true);
    completeAs(pi, "userTask_collectEvidence", "agent1", values);
    Assertions.assertThat(sent.purposes(pi.getBusinessKey()))
        .containsExactly(EVIDENCE_REQUEST, EVIDENCE_REMINDER);
    sent.sentInChat(pi.getBusinessKey(), EVIDENCE_REMINDER, "agent1", reminder);
  }

  @Test
  void shouldRecordNoReminderTheAgentDidNotSend() {
    ProcessInstance pi = open(CaseKind.WRONG_ITEM, "50.00");
    fireTimer(pi, "timer_evidenceReminder");
    Task collect = taskOf(pi, "userTask_collectEvidence");
    Assertions.assertThat(sent.shown(collect)).contains("实际收到的商品照片");
    Assertions.assertThat(sent.reminder(collect)).contains(orderOf(pi));
    // the buyer's photos came before the agent got to the reminder: it is left unticked
    completeAs(
        pi,
        "userTask_collectEvidence",
        "agent1",
        told(
            vars(
                "photoCount",
                1L,
                "waybillPhotoReceived",
                true,
                "evidenceDescription",
                "实收蓝色",
                "buyerReminderSent",
                false)));
    Assertions.assertThat(sent.purposes(pi.getBusinessKey())).containsExactly(EVIDENCE_REQUEST);
  }

  @Test
  void shouldApologiseOnceEvenWhenTheOfferIsMadeAgain() {
    ProcessInstance pi = atDamageOffer("100.00");
    String apology = sent.shown(taskOf(pi, "userTask_offerResolution"));
    Assertions.assertThat(apology).contains(orderOf(pi), "测试商品", "非常抱歉");
    var offer = vars("buyerChoice", "ACCEPT_COMPENSATION", "offeredCompensation", 12);
    assertRefused(pi, "userTask_offerResolution", offer).hasMessage(SentMessages.NOT_TICKED);
    Assertions.assertThat(sent.of(pi.getBusinessKey(), APOLOGY)).isEmpty();

    completeAs(pi, "userTask_offerResolution", "agent1", told(offer));
    sent.sentInChat(pi.getBusinessKey(), APOLOGY, "agent1", apology);
    complete(pi, "userTask_approveResolution", vars("approved", false, "approvalNote", "先按标准补偿"));

    // offered again: the buyer has the apology, the form hides it and asks no tick
    Task again = taskOf(pi, "userTask_offerResolution");
    Assertions.assertThat(sent.shown(again)).isNull();
    completeAs(
        pi,
        "userTask_offerResolution",
        "agent1",
        vars("buyerChoice", "ACCEPT_COMPENSATION", "offeredCompensation", 5));
    Assertions.assertThat(sent.of(pi.getBusinessKey(), APOLOGY)).hasSize(1);
  }

  @Test
  void shouldGiveTheReturnAddressOnceWhenTheBuyerSendsTheItemBack() {
    ProcessInstance pi = atDamageOffer("100.00");
    completeAs(pi, "userTask_offerResolution", "agent1", told(vars("buyerChoice", "RETURN")));
    // arranging settles the postage only: the address goes out once the return is on its way,
    // with the day the buyer must ship by
    Assertions.assertThat(sent.shown(taskOf(pi, "userTask_arrangeReturn"))).isNull();
    completeAs(pi, "userTask_arrangeReturn", "agent1", vars("returnPostage", 18));
    // the postage is above the cap: a higher compensation is negotiated, then the buyer returns
    assertThat(pi).isWaitingAt("userTask_offerResolution");
    completeAs(pi, "userTask_offerResolution", "agent1", vars("buyerChoice", "RETURN"));
    Assertions.assertThat(sent.shown(taskOf(pi, "userTask_arrangeReturn"))).isNull();
    completeAs(pi, "userTask_arrangeReturn", "agent1", vars("returnPostage", 10));
    assertThat(pi).isWaitingAt("callActivity_return");
    runDueJobs(pi);
    Task await = taskOf(pi, "userTask_awaitBuyerShipment");
    String address = sent.shown(await);
    Assertions.assertThat(address)
        .contains(
            returnAddress.returnAddress(),
            orderOf(pi),
            "测试商品",
            "其中 10.00 元由我们承担",
            buyerMessages.when(await.getDueDate()));
    Map<String, Object> parcel =
        vars("returnCarrier", "中通快递", "returnTrackingNumber", "ZT20261123");
    assertRefused(pi, "userTask_awaitBuyerShipment", parcel).hasMessage(SentMessages.NOT_TICKED);
    completeAs(pi, "userTask_awaitBuyerShipment", "agent1", told(parcel));
    sent.sentInChat(pi.getBusinessKey(), RETURN_ADDRESS, "agent1", address);
    Assertions.assertThat(sent.of(pi.getBusinessKey(), RETURN_ADDRESS)).hasSize(1);
    assertThat(pi).isWaitingAt("callActivity_return");
  }

  @Test
  void shouldTellTheBuyerWhyNoMistakeWasFound() {
    ProcessInstance pi = open(CaseKind.WRONG_ITEM, "50.00");
    completeAs(
        pi,
        "userTask_collectEvidence",
        "agent1",
        told(vars("photoCount", 2L, "waybillPhotoReceived", true, "evidenceDescription", "少一件")));
    complete(
        pi,
        "userTask_warehouseVerify",
        vars(
            "mistakeConfirmed",
            false,
            "problemKind",
            "MISSING_PRODUCT",
            "affectedQuantity",
            1L,
            "verifyNote",
            "称重一致"));
    complete(
        pi,
        "userTask_supervisorDecides",
        vars("treatAsOurMistake", false, "supervisorNote", "称重一致"));
    String why = sent.shown(taskOf(pi, "userTask_explainToBuyer"));
    Assertions.assertThat(why).contains(orderOf(pi), "测试商品", "按订单发出");
    assertRefused(pi, "userTask_explainToBuyer", vars("explanation", "已发称重视频"))
        .hasMessage(SentMessages.NOT_TICKED);
    completeAs(pi, "userTask_explainToBuyer", "agent1", told(vars("explanation", "已发称重视频")));
    assertThat(pi).isEnded();
    sent.sentInChat(pi.getBusinessKey(), REFUSAL_REASON, "agent1", why);
    Assertions.assertThat(sent.purposes(pi.getBusinessKey()))
        .as("no offer was made: no apology")
        .containsExactly(EVIDENCE_REQUEST, REFUSAL_REASON);
  }

  @Test
  void shouldRecordNoAddressOrRefusalOnAPathThatSendsNone() {
    ProcessInstance pi = atDamageOffer("80.00");
    completeAs(pi, "userTask_offerResolution", "agent1", told(vars("buyerChoice", "RESHIP")));
    assertThat(pi).isWaitingAt("callActivity_reship");
    Assertions.assertThat(sent.purposes(pi.getBusinessKey()))
        .containsExactly(EVIDENCE_REQUEST, APOLOGY);
  }
}
