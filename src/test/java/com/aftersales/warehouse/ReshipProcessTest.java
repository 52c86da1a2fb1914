package com.aftersales.warehouse;

import static com.aftersales.support.ClaimSteps.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.aftersales.support.ProcessPathTest;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;

/** Every path of {@code bpmn/reship.bpmn}, started on its own as a claim would call it. */
class ReshipProcessTest extends ProcessPathTest {

  ReshipProcessTest() {
    super("reship");
  }

  private ProcessInstance start() {
    String orderId = orders.create("buyer_r", "35.00", 2);
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
    ProcessInstance pi =
        processEngine
            .getRuntimeService()
            .startProcessInstanceByKey("reship", "DAMAGE-" + orderId, v);
    runDueJobs(pi);
    return pi;
  }

  @Test
  void shouldShipTellTheBuyerAndFollowUntilReceived() {
    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt("userTask_shipReshipment");
    assertThat(task(pi)).hasCandidateGroup("warehouse");
    complete(pi, "userTask_shipReshipment", shipped());
    runDueJobs(pi);
    assertThat(pi).isWaitingAt("userTask_followReshipment");
    assertThat(task(pi)).hasCandidateGroup("agents");
    complete(pi, "userTask_followReshipment", received());
    assertThat(pi).isEnded().hasPassed("serviceTask_sendTracking", "endEvent_reshipReceived");
    Assertions.assertThat(
            orders.count(
                "select count(*) from reship_form where case_id = ? and filled_by = 'agent1'"
                    + " and shipped_at is not null and received_at is not null",
                pi.getBusinessKey()))
        .isEqualTo(1);
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
    ProcessInstance pi = start();
    complete(pi, "userTask_shipReshipment", shipped());
    runDueJobs(pi);
    assertRefused(pi, "userTask_followReshipment", vars("receivedConfirmed", false))
        .hasMessageContaining("确认收到补发商品后");
    fireTimer(pi, "timer_trackingReminder");
    assertThat(pi).isWaitingAt("userTask_followReshipment").hasPassed("endEvent_trackingReminded");
    fireTimer(pi, "timer_receiptGiveUp");
    assertThat(pi).isEnded().hasPassed("endEvent_receiptUnconfirmed");
  }
}
