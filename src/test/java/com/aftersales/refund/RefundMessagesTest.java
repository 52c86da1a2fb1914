package com.aftersales.refund;

import static com.aftersales.shop.MessagePurpose.*;
import static com.aftersales.support.ClaimSteps.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseEvent;
import com.aftersales.cases.CaseRepository;
import com.aftersales.cases.CaseService;
import com.aftersales.cases.ReturnAddress;
import com.aftersales.shop.MessageChannel;
import com.aftersales.shop.SentMessage;
import com.aftersales.support.ProcessTestBase;
import com.aftersales.support.SentMessages;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the refund tells the buyer: with the buyer's refund on the platform, the return agreement
 * and the refusal carry the address and the reason; without one, an agent sends them in Qianniu and
 * they are recorded only once the agent ticked it.
 */
class RefundMessagesTest extends ProcessTestBase {

  @Autowired CaseService cases;
  @Autowired CaseRepository caseRepository;
  @Autowired ReturnAddress returnAddress;

  private SentMessages sent;

  @BeforeEach
  void messages() {
    sent = new SentMessages(shop, processEngine.getTaskService(), caseRepository);
  }

  /** A shipped order of 40 yuan; signed for yesterday when {@code received}. */
  private String order(boolean received) {
    String orderId = orders.create("buyer_fm", "40.00", 1);
    orders.status(orderId, "SHIPPED");
    if (received) {
      orders.signedAt(orderId, OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(1));
    }
    return orderId;
  }

  /** A refund case; {@code platformRefundId} is the buyer's refund on the platform, or null. */
  private ProcessInstance open(String orderId, String platformRefundId, boolean returnRequired) {
    Map<String, Object> fields = new HashMap<>();
    fields.put("platformRefundId", platformRefundId);
    fields.put("returnRequired", returnRequired);
    String caseId = cases.open("REFUND", orderId, "buyer_fm", "买家申请退款", fields).record().caseId();
    ProcessInstance pi =
        processEngine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseId)
            .processDefinitionKey("refund")
            .singleResult();
    runDueJobs(pi);
    return pi;
  }

  private List<String> timeline(ProcessInstance pi) {
    return caseRepository.timeline(pi.getBusinessKey()).stream().map(CaseEvent::detail).toList();
  }

  private static Map<String, Object> parcel() {
    return vars("returnCarrier", "圆通速递", "returnTrackingNumber", "YT1234567895");
  }

  @Test
  void shouldGiveTheReturnAddressInChatWithoutAPlatformRefund() {
    String orderId = order(true);
    ProcessInstance pi = open(orderId, null, true);
    assertThat(pi).isWaitingAt("userTask_recordReturnShipment");
    String address = sent.shown(taskOf(pi, "userTask_recordReturnShipment"));
    Assertions.assertThat(address).contains(returnAddress.returnAddress(), orderId, "测试商品");
    Assertions.assertThat(orders.remarks(orderId, "remark_internal"))
        .contains("待客服在千牛把退货地址发给买家")
        .doesNotContain("已发送");
    verify(shop, never()).agreeReturn(anyString(), any(), anyString());
    assertRefused(pi, "userTask_recordReturnShipment", parcel())
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(SentMessages.NOT_TICKED);
    Assertions.assertThat(shop.buyerMessages(pi.getBusinessKey())).isEmpty();

    completeAs(pi, "userTask_recordReturnShipment", "agent1", told(parcel()));
    sent.sentInChat(pi.getBusinessKey(), RETURN_ADDRESS, "agent1", address);
  }

  @Test
  void shouldGiveTheReturnAddressOnThePlatformRefund() {
    String orderId = order(true);
    ProcessInstance pi = open(orderId, "83477201130001", true);
    verify(shop).agreeReturn(orderId, "83477201130001", returnAddress.returnAddress());
    List<SentMessage> onRefund = sent.of(pi.getBusinessKey(), RETURN_ADDRESS);
    Assertions.assertThat(onRefund).hasSize(1);
    SentMessage m = onRefund.get(0);
    Assertions.assertThat(m.channel()).isEqualTo(MessageChannel.REFUND_MESSAGE);
    Assertions.assertThat(m.refundId()).isEqualTo("83477201130001");
    Assertions.assertThat(m.sentBy()).isEqualTo("system");
    Assertions.assertThat(m.text()).contains(returnAddress.returnAddress());
    Assertions.assertThat(timeline(pi)).anyMatch(d -> d.startsWith("已发给买家（退货地址，退款留言"));

    // the buyer has the address: the agent's form neither shows it nor asks for a tick
    Assertions.assertThat(sent.shown(taskOf(pi, "userTask_recordReturnShipment"))).isNull();
    complete(pi, "userTask_recordReturnShipment", parcel());
    Assertions.assertThat(sent.of(pi.getBusinessKey(), RETURN_ADDRESS)).hasSize(1);
  }

  @Test
  void shouldTellTheBuyerInChatWhyFinanceRefused() {
    String orderId = order(true);
    ProcessInstance pi = open(orderId, null, false);
    completeAs(
        pi,
        "userTask_approveRefund",
        "finance",
        vars("refundDecision", "REJECT", "financeNote", "商品已使用，不符合退款条件"));
    runDueJobs(pi);
    verify(shop).rejectRefund(orderId, null, "商品已使用，不符合退款条件");
    assertThat(pi).isWaitingAt("userTask_explainRejection");
    String why = sent.shown(taskOf(pi, "userTask_explainRejection"));
    Assertions.assertThat(why).contains(orderId, "40.00 元", "商品已使用，不符合退款条件");
    Assertions.assertThat(sent.of(pi.getBusinessKey(), REFUSAL_REASON)).isEmpty();
    assertRefused(pi, "userTask_explainRejection", vars()).hasMessage(SentMessages.NOT_TICKED);

    completeAs(pi, "userTask_explainRejection", "agent1", told(vars()));
    assertThat(pi).isEnded().hasPassed("endEvent_refundRejected");
    sent.sentInChat(pi.getBusinessKey(), REFUSAL_REASON, "agent1", why);
  }

  @Test
  void shouldLetThePlatformsRefusalCarryTheReason() {
    String orderId = order(true);
    ProcessInstance pi = open(orderId, "83477201130002", false);
    completeAs(
        pi,
        "userTask_approveRefund",
        "finance",
        vars("refundDecision", "REJECT", "financeNote", "买家已撤回，重复申请"));
    runDueJobs(pi);
    verify(shop).rejectRefund(orderId, "83477201130002", "买家已撤回，重复申请");
    assertThat(pi)
        .isEnded()
        .hasPassed("endEvent_refundRejected")
        .hasNotPassed("userTask_explainRejection");
    Assertions.assertThat(sent.of(pi.getBusinessKey(), REFUSAL_REASON)).isEmpty();
    Assertions.assertThat(timeline(pi)).contains("已在平台驳回退款 83477201130002，驳回理由随驳回发给买家：买家已撤回，重复申请");
  }

  @Test
  void shouldExplainAParcelThatCannotBeStoppedInChatWithoutAPlatformRefund() {
    String orderId = order(false);
    ProcessInstance pi = open(orderId, null, false);
    complete(
        pi,
        "userTask_interceptParcel",
        vars("interceptOutcome", "NOT_RECOVERABLE", "interceptNote", "已在派送"));
    String why = sent.shown(taskOf(pi, "userTask_explainNotRecoverable"));
    Assertions.assertThat(why).contains(orderId, "顺丰速运 SF0000000001", "再次申请退款");
    Map<String, Object> rejection = vars("rejectExplanation", "包裹已在派送", "rejectEvidence", "物流截图");
    assertRefused(pi, "userTask_explainNotRecoverable", rejection)
        .hasMessage(SentMessages.NOT_TICKED);
    completeAs(pi, "userTask_explainNotRecoverable", "agent1", told(rejection));
    runDueJobs(pi);
    sent.sentInChat(pi.getBusinessKey(), REFUSAL_REASON, "agent1", why);
    verify(shop).rejectRefund(eq(orderId), isNull(), contains("包裹已在派送"));
  }

  @Test
  void shouldLetThePlatformsRefusalCarryTheExplanationOfAParcelInTransit() {
    String orderId = order(false);
    ProcessInstance pi = open(orderId, "83477201130003", false);
    complete(
        pi,
        "userTask_interceptParcel",
        vars("interceptOutcome", "NOT_RECOVERABLE", "interceptNote", "已在派送"));
    Assertions.assertThat(sent.shown(taskOf(pi, "userTask_explainNotRecoverable"))).isNull();
    complete(
        pi,
        "userTask_explainNotRecoverable",
        vars("rejectExplanation", "包裹已在派送，请拒收后再申请", "rejectEvidence", "物流截图"));
    runDueJobs(pi);
    verify(shop).rejectRefund(eq(orderId), eq("83477201130003"), contains("包裹已在派送，请拒收后再申请"));
    Assertions.assertThat(sent.of(pi.getBusinessKey(), REFUSAL_REASON)).isEmpty();
    assertThat(pi).isWaitingAt("gateway_awaitRefile");
  }
}
