package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.aftersales.cases.CaseRecord;
import com.aftersales.cases.CaseRepository;
import com.aftersales.shop.ShopContact;
import com.aftersales.support.ActiveEngine;
import com.aftersales.support.DueJobs;
import com.aftersales.support.SimulatedTop;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on the taobao adapter against the simulated gateway: the buyer files a
 * refund on the platform, the message service's message opens a refund case with nobody typing, the
 * agent and finance answer it in their tasks, the gateway receives the agreement for that refund
 * with its amount in fen and its version; the case waits until the platform's success message that
 * follows ends it. The reconciliation reads the same refund and opens no twin.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"aftersales.shop.adapter=taobao", "aftersales.shop.taobao.listening=false"})
@ActiveProfiles("test")
@ExtendWith(ActiveEngine.class)
class TaobaoCasesIT {

  private static final SimulatedTop TOP = new SimulatedTop();
  private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 10_000_000L);

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    registry.add("aftersales.shop.taobao.gateway-url", TOP::gatewayUrl);
    registry.add("aftersales.shop.taobao.app-key", () -> SimulatedTop.APP_KEY);
    registry.add("aftersales.shop.taobao.app-secret", () -> SimulatedTop.APP_SECRET);
    registry.add("aftersales.shop.taobao.session-key", () -> SimulatedTop.SESSION);
    registry.add("aftersales.shop.taobao.read-timeout", () -> "PT30S");
    registry.add("aftersales.shop.taobao.return-address-id", () -> SimulatedTop.RETURN_ADDRESS_ID);
  }

  @Autowired ProcessEngine engine;
  @Autowired TmcPoller poller;
  @Autowired RefundReconciler reconciler;
  @Autowired CaseRepository caseRepository;
  @Autowired ShopContact contact;
  @Autowired com.aftersales.shop.ShopBackOffice shop;

  @AfterAll
  static void stopGateway() {
    TOP.close();
  }

  @BeforeEach
  void gatewayAnswers() {
    TOP.reset();
    BpmnAwareTests.init(engine);
    TOP.stub(TmcPoller.CONFIRM, "{\"tmc_messages_confirm_response\":{\"is_success\":true}}");
    TOP.stub(
        "taobao.trade.memo.update",
        "{\"trade_memo_update_response\":{\"trade\":{\"tid\":1,\"modified\":\"2024-05-03 09:15:00\"}}}");
    TOP.stub(
        "taobao.refund.message.add",
        "{\"refund_message_add_response\":{\"refund_message\":{\"id\":1,\"created\":\"2024-05-03 10:05:00\"}}}");
  }

  private static String time(ZonedDateTime t) {
    return t.withZoneSameInstant(TopClient.PLATFORM_ZONE).format(TopClient.TIMESTAMP);
  }

  /** A paid, unshipped trade of 40 yuan (docs §1 shape), paid two days ago. */
  private static String trade(String tid, String refundId) {
    ZonedDateTime now = ZonedDateTime.now(TopClient.PLATFORM_ZONE);
    return "{\"trade_fullinfo_get_response\":{\"trade\":{\"tid\":"
        + tid
        + ",\"status\":\"WAIT_SELLER_SEND_GOODS\",\"payment\":\"40.00\",\"total_fee\":\"40.00\","
        + "\"post_fee\":\"0.00\",\"created\":\""
        + time(now.minusDays(2).minusHours(1))
        + "\",\"pay_time\":\""
        + time(now.minusDays(2))
        + "\",\"modified\":\""
        + time(now.minusHours(1))
        + "\",\"seller_memo\":\"\",\"seller_flag\":0,\"seller_nick\":\"some-shop\","
        + "\"buyer_open_uid\":\"AAHk5d-EAAeGwJedwSFu0XXX\",\"receiver_name\":\"王**\","
        + "\"receiver_mobile\":\"*******3069\",\"receiver_state\":\"陕西省\",\"receiver_city\":\"西安市\","
        + "\"orders\":{\"order\":[{\"oid\":"
        + tid
        + ",\"title\":\"保温杯\",\"num\":1,\"price\":\"40.00\",\"payment\":\"40.00\","
        + "\"status\":\"WAIT_SELLER_SEND_GOODS\",\"refund_status\":\"WAIT_SELLER_AGREE\","
        + "\"refund_id\":"
        + refundId
        + "}]}}}}";
  }

  /** The refund as {@code taobao.refund.get} answers (docs §4 shape). */
  private static String refund(String refundId, String tid, String status) {
    return "{\"refund_get_response\":{\"refund\":{\"refund_id\":\""
        + refundId
        + "\",\"tid\":"
        + tid
        + ",\"oid\":"
        + tid
        + ",\"status\":\""
        + status
        + "\",\"refund_fee\":\"40.00\",\"total_fee\":\"40.00\",\"has_good_return\":false,"
        + "\"good_status\":\"BUYER_NOT_RECEIVED\",\"refund_phase\":\"onsale\","
        + "\"refund_version\":1714700000000,\"dispute_type\":\"REFUND\","
        + "\"created\":\"2024-05-03 09:00:00\",\"modified\":\"2024-05-03 09:00:00\"}}}";
  }

  private static String consume(String messageId, String topic, String refundId, String tid) {
    String content =
        "{\\\"bill_type\\\":\\\"refund_bill\\\",\\\"buyer_open_uid\\\":\\\"AAHk5d\\\","
            + "\\\"modified\\\":\\\"2024-05-03 09:00:00\\\",\\\"oid\\\":"
            + tid
            + ",\\\"refund_fee\\\":\\\"40.00\\\",\\\"refund_id\\\":"
            + refundId
            + ",\\\"refund_phase\\\":\\\"onsale\\\",\\\"seller_nick\\\":\\\"some-shop\\\",\\\"tid\\\":"
            + tid
            + "}";
    return "{\"tmc_messages_consume_response\":{\"messages\":{\"tmc_message\":[{\"id\":"
        + messageId
        + ",\"topic\":\""
        + topic
        + "\",\"pub_time\":\"2024-05-03 09:00:01\",\"pub_app_key\":\"12497914\","
        + "\"user_id\":2200001,\"user_nick\":\"some-shop\",\"content\":\""
        + content
        + "\"}]}}}";
  }

  private static final String NO_MESSAGES =
      "{\"tmc_messages_consume_response\":{\"messages\":{\"tmc_message\":[]}}}";

  private ProcessInstance instance(String caseId) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId)
        .processDefinitionKey("refund")
        .singleResult();
  }

  private void complete(ProcessInstance pi, String taskKey, String user, Map<String, Object> vars) {
    Task task =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey(taskKey)
            .singleResult();
    engine.getTaskService().setAssignee(task.getId(), user);
    engine.getTaskService().complete(task.getId(), vars);
    DueJobs.runMessages(engine.getManagementService(), pi.getId());
  }

  @Test
  void aRefundFiledOnThePlatformOpensACaseAndItsAgreementReachesThatRefund() {
    String tid = String.valueOf(2_231_958_000_000L + IDS.incrementAndGet());
    String refundId = String.valueOf(83_477_000_000L + IDS.incrementAndGet());
    String messageId = String.valueOf(123_456_000_000L + IDS.incrementAndGet());
    TOP.stub("taobao.trade.fullinfo.get", trade(tid, refundId));
    TOP.stub("taobao.refund.get", refund(refundId, tid, "WAIT_SELLER_AGREE"));
    TOP.stub(
        "taobao.rp.refunds.agree",
        "{\"rp_refunds_agree_response\":{\"succ\":true,\"msg_code\":\"OP_SUCC\",\"message\":\"\","
            + "\"results\":{\"refund_mapping_result\":[{\"refund_id\":\""
            + refundId
            + "\",\"succ\":true,\"message\":\"succ\"}]}}}");
    TOP.stubSequence(
        TmcPoller.CONSUME,
        consume(messageId, TmcMessages.REFUND_CREATED, refundId, tid),
        NO_MESSAGES);

    TmcPoller.Round round = poller.poll();

    assertThat(round.failed()).isEmpty();
    assertThat(TOP.calls(TmcPoller.CONFIRM).get(0).param("s_message_ids")).isEqualTo(messageId);
    List<CaseRecord> opened = caseRepository.openOf(tid);
    assertThat(opened).hasSize(1);
    assertThat(opened.get(0).openedBy()).isEqualTo("淘宝平台");
    ProcessInstance pi = instance(opened.get(0).caseId());
    DueJobs.runMessages(engine.getManagementService(), pi.getId());
    assertThat(pi).isWaitingAt("userTask_retainSale");

    complete(
        pi,
        "userTask_retainSale",
        "agent1",
        Map.of("retainOutcome", "REFUND", "retainNote", "买家坚持退款"));
    assertThat(pi).isWaitingAt("userTask_approveRefund");
    complete(
        pi,
        "userTask_approveRefund",
        "finance",
        Map.of("refundDecision", "AGREE", "financeNote", "已核对"));
    List<SimulatedTop.Call> agreed = TOP.calls("taobao.rp.refunds.agree");
    assertThat(agreed).hasSize(1);
    assertThat(agreed.get(0).param("refund_infos")).startsWith(refundId + "|4000|1714700000000");
    // the platform accepted the agreement, it has not paid yet: the case waits for its word
    assertThat(pi).isWaitingAt("gateway_awaitPlatformPaid");
    assertThat(caseRepository.openOf(tid)).hasSize(1);

    // the platform's success message that follows ends the case; reconciliation changes nothing
    TOP.stubSequence(
        TmcPoller.CONSUME,
        consume(
            String.valueOf(IDS.incrementAndGet() + 123_457_000_000L),
            TmcMessages.REFUND_SUCCESS,
            refundId,
            tid),
        NO_MESSAGES);
    assertThat(poller.poll().failed()).isEmpty();
    DueJobs.runMessages(engine.getManagementService(), pi.getId());
    assertThat(pi)
        .isEnded()
        .hasPassed("message_platformRefundSucceeded", "endEvent_refundAgreed")
        .hasNotPassed("endEvent_paidByBackOffice");
    assertThat(
            caseRepository.timeline(opened.get(0).caseId()).stream()
                .map(com.aftersales.cases.CaseEvent::detail))
        .contains("平台确认退款成功，已退款 40.00 元（平台退款 " + refundId + "）");
    TOP.stub(
        "taobao.refunds.receive.get",
        "{\"refunds_receive_get_response\":{\"has_next\":false,\"refunds\":{\"refund\":[{\"refund_id\":\""
            + refundId
            + "\",\"tid\":"
            + tid
            + ",\"oid\":"
            + tid
            + ",\"status\":\"SUCCESS\",\"refund_fee\":\"40.00\",\"refund_phase\":\"onsale\","
            + "\"refund_version\":1714700005000,\"created\":\"2024-05-03 09:00:00\","
            + "\"modified\":\"2024-05-03 11:00:00\",\"dispute_type\":\"REFUND\"}]}}}");
    assertThat(reconciler.reconcile().failed()).isEmpty();
    assertThat(TOP.calls("taobao.rp.refunds.agree")).hasSize(1);
    assertThat(caseRepository.openOf(tid)).isEmpty();
    assertThat(caseRepository.find(opened.get(0).caseId()).orElseThrow().category())
        .isEqualTo("AGREED/FINANCE");
    assertThat(contact.status().lastHeard()).isNotNull();
    assertThat(TOP.rejected()).isEmpty();
  }

  @Test
  void aStepRefusedForAnExpiredSessionWarnsOnTheConsoleUntilTheSessionWorksAgain() {
    String tid = String.valueOf(2_231_959_000_000L + IDS.incrementAndGet());
    TOP.stub("taobao.trade.fullinfo.get", trade(tid, "1"));
    TOP.expireSession(true);

    assertThatThrownBy(() -> shop.findOrder(tid))
        .isInstanceOf(com.aftersales.shop.ShopSessionExpiredException.class);
    ShopContact.Status refused = contact.status();
    assertThat(refused.sessionExpired()).isTrue();
    assertThat(refused.warning()).contains("session key").contains("重新授权");

    TOP.expireSession(false);
    assertThat(shop.findOrder(tid)).isPresent();
    assertThat(contact.status().sessionExpired()).isFalse();
  }
}
