package com.aftersales.warehouse;

import static com.aftersales.support.ClaimSteps.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.aftersales.base.InvalidInputException;
import com.aftersales.shop.MessageChannel;
import com.aftersales.shop.MessagePurpose;
import com.aftersales.shop.SentMessage;
import com.aftersales.support.ProcessPathTest;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Every path of {@code bpmn/reship.bpmn}, started on its own as a claim would call it. */
class ReshipProcessTest extends ProcessPathTest {

  ReshipProcessTest() {
    super("reship");
  }

  private String orderId;

  private ProcessInstance start() {
    return start(Map.of());
  }

  private ProcessInstance start(Map<String, Object> extra) {
    orderId = orders.create("buyer_r", "35.00", 2);
    Map<String, Object> v =
        vars(
            "orderId",
            orderId,
            "buyerId",
            "buyer_r",
            "reshipItems",
            "测试商品",
            "reshipQuantity",
            1L,
            "reshipReason",
            "破损补发",
            "resolvedBy",
            "agent1");
    v.putAll(extra);
    ProcessInstance pi =
        processEngine
            .getRuntimeService()
            .startProcessInstanceByKey("reship", "DAMAGE-" + orderId, v);
    runDueJobs(pi);
    return pi;
  }

  /** The warehouse ships: the agent is asked to tell the buyer and to follow the parcel. */
  private ProcessInstance shippedReship() {
    ProcessInstance pi = start();
    complete(pi, "userTask_shipReshipment", shipped());
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("userTask_tellReshipTracking", "userTask_followReshipment");
    return pi;
  }

  private List<SentMessage> messages(ProcessInstance pi) {
    return shop.buyerMessages(pi.getBusinessKey());
  }

  private List<String> timeline(ProcessInstance pi) {
    return caseRepository.timeline(pi.getBusinessKey()).stream()
        .map(e -> String.valueOf(e.detail()))
        .toList();
  }

  @Test
  void shouldShipTellTheBuyerAndFollowUntilReceived() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt("userTask_shipReshipment");
    assertThat(task(pi)).hasCandidateGroup("warehouse");
    complete(pi, "userTask_shipReshipment", shipped());
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("userTask_tellReshipTracking", "userTask_followReshipment");
    assertThat(taskOf(pi, "userTask_tellReshipTracking")).hasCandidateGroup("agents");
    assertThat(taskOf(pi, "userTask_followReshipment")).hasCandidateGroup("agents");

    // shipped, not yet told: the text waits on the agent's form, nothing claims it was sent
    String text =
        (String)
            processEngine
                .getTaskService()
                .getVariable(taskOf(pi, "userTask_tellReshipTracking").getId(), "buyerMessageText");
    Assertions.assertThat(text).contains("测试商品").contains("顺丰速运").contains("SF1234567890");
    Assertions.assertThat(messages(pi)).isEmpty();
    Assertions.assertThat(orders.remarks(orderId, "remark_internal"))
        .contains("SF1234567890")
        .contains("待客服在千牛告知买家")
        .doesNotContain("已告知");
    Assertions.assertThat(timeline(pi)).noneMatch(d -> d.contains("已发给买家"));

    assertRefused(pi, "userTask_tellReshipTracking", vars("buyerMessageSent", false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("已在千牛发送给买家");
    Assertions.assertThat(messages(pi)).isEmpty();

    completeAs(pi, "userTask_tellReshipTracking", "agent2", vars("buyerMessageSent", true));
    assertThat(pi).hasPassed("endEvent_trackingTold").isWaitingAt("userTask_followReshipment");
    List<SentMessage> sent = messages(pi);
    Assertions.assertThat(sent).hasSize(1);
    SentMessage m = sent.get(0);
    Assertions.assertThat(m.purpose()).isEqualTo(MessagePurpose.RESHIP_TRACKING);
    Assertions.assertThat(m.channel()).isEqualTo(MessageChannel.QIANNIU);
    Assertions.assertThat(m.sentBy()).isEqualTo("agent2");
    Assertions.assertThat(m.orderId()).isEqualTo(orderId);
    Assertions.assertThat(m.text()).isEqualTo(text);
    Assertions.assertThat(orders.remarks(orderId, "remark_internal"))
        .contains("已在千牛告知买家补发物流：顺丰速运 SF1234567890");
    Assertions.assertThat(timeline(pi))
        .anyMatch(d -> d.contains("已发给买家") && d.contains("SF1234567890"));

    complete(pi, "userTask_followReshipment", received());
    assertThat(pi).isEnded().hasPassed("serviceTask_sendTracking", "endEvent_reshipReceived");
    Assertions.assertThat(
            orders.count(
                "select count(*) from reship_form where case_id = ? and filled_by = 'agent1'"
                    + " and shipped_at is not null and received_at is not null",
                pi.getBusinessKey()))
        .isEqualTo(1);
    Assertions.assertThat(messages(pi)).hasSize(1);
  }

  @Test
  void shouldRecordNoMessageWhenTheBuyerHadTheParcelBeforeBeingTold() {
    ProcessInstance pi = shippedReship();
    complete(pi, "userTask_followReshipment", received());
    assertThat(pi)
        .isEnded()
        .hasPassed("endEvent_reshipReceived")
        .hasNotPassed("endEvent_trackingTold");
    Assertions.assertThat(taskOf(pi, "userTask_tellReshipTracking")).isNull();
    Assertions.assertThat(messages(pi)).isEmpty();
  }

  @Test
  void shouldRefuseAMalformedTrackingNumber() {
    ProcessInstance pi = start();
    assertRefused(
            pi,
            "userTask_shipReshipment",
            vars("reshipCarrier", "顺丰", "reshipTrackingNumber", "SF 12'; drop"))
        .hasMessageContaining("格式不对");
    assertThat(pi).isWaitingAt("userTask_shipReshipment");
  }

  @Test
  void shouldKeepFollowingUntilTheBuyerConfirms() {
    ProcessInstance pi = shippedReship();
    assertRefused(pi, "userTask_followReshipment", vars("receivedConfirmed", false))
        .hasMessageContaining("确认收到补发商品后");
    fireTimer(pi, "timer_trackingReminder");
    assertThat(pi).isWaitingAt("userTask_followReshipment").hasPassed("endEvent_trackingReminded");
    fireTimer(pi, "timer_receiptGiveUp");
    assertThat(pi).isEnded().hasPassed("endEvent_receiptUnconfirmed");
    Assertions.assertThat(taskOf(pi, "userTask_tellReshipTracking")).isNull();
    Assertions.assertThat(messages(pi)).isEmpty();
  }

  // ---------------------------------------------------------------- flags

  private List<String> raised() {
    return shop.flags(orderId).stream().map(f -> f.flag().name()).toList();
  }

  @Test
  void shouldFlagAGiftAndAChangedCourierUntilTheReshipShips() {
    ProcessInstance pi =
        start(vars("reshipGift", true, "reshipShippingChange", "改发顺丰", "reshipItems", "赠品：香薰小样"));
    // both apply; the back office shows the more urgent red, naming the green
    Assertions.assertThat(raised()).containsExactly("RED", "GREEN");
    Assertions.assertThat(orders.flag(orderId)).isEqualTo("RED");
    String reshipOrder = "RE" + orderId;
    Assertions.assertThat(shop.flags(orderId).get(0).note()).contains(reshipOrder).contains("改发顺丰");
    Assertions.assertThat(shop.flags(orderId).get(1).note()).contains("赠品：香薰小样");
    Assertions.assertThat(timeline(pi))
        .anyMatch(d -> d.contains("插红旗"))
        .anyMatch(d -> d.contains("插绿旗"));

    complete(pi, "userTask_shipReshipment", shipped());
    runDueJobs(pi);
    Assertions.assertThat(raised()).isEmpty();
    Assertions.assertThat(orders.flag(orderId)).isNull();
    Assertions.assertThat(timeline(pi))
        .anyMatch(d -> d.contains("撤红旗"))
        .anyMatch(d -> d.contains("撤绿旗"));
  }

  @Test
  void shouldRaiseNoFlagForAPlainReshipAndLeaveOtherFlagsAlone() {
    ProcessInstance pi = start();
    Assertions.assertThat(raised()).isEmpty();
    shop.setFlag(orderId, com.aftersales.shop.Flag.PURPLE, "退款原因：破损");
    complete(pi, "userTask_shipReshipment", shipped());
    runDueJobs(pi);
    Assertions.assertThat(raised()).containsExactly("PURPLE");
  }

  @Test
  void shouldShowTheEarlierFlagAgainOnceTheReshipShipped() {
    ProcessInstance pi = start(vars("reshipGift", true));
    shop.setFlag(orderId, com.aftersales.shop.Flag.PURPLE, "退款原因：破损");
    // green is more urgent than purple: still shown, naming the purple one
    Assertions.assertThat(orders.flag(orderId)).isEqualTo("GREEN");
    complete(pi, "userTask_shipReshipment", shipped());
    runDueJobs(pi);
    Assertions.assertThat(orders.flag(orderId)).isEqualTo("PURPLE");
    Assertions.assertThat(raised()).containsExactly("PURPLE");
  }
}
