package com.aftersales.shop.taobao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.aftersales.cases.CaseRepository;
import com.aftersales.shop.ShopUnavailableException;
import com.aftersales.support.ActiveEngine;
import com.aftersales.support.DueJobs;
import com.aftersales.support.SimulatedTop;
import com.aftersales.support.SimulatedTop.Answer;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A retried step has one effect on the platform, not only one commit in our database. The simulated
 * gateway records every call it accepts outside any transaction, so a call made by an attempt whose
 * transaction rolled back stays counted. Finance agrees a refund filed on the platform; the step
 * that agrees it ({@code serviceTask_executeRefund}) fails after the agreement went out — once
 * because the seller memo cannot be written ({@code isp.*}), once because the agreement's own
 * answer never arrives (read timeout) — and runs again after the retry wait: the platform received
 * one agreement, the retry read the refund as agreed and went on.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"aftersales.shop.adapter=taobao", "aftersales.shop.taobao.listening=false"})
@ActiveProfiles("test")
@ExtendWith(ActiveEngine.class)
class RetriedStepOnceIT {

  private static final SimulatedTop TOP = new SimulatedTop();
  private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 10_000_000L);
  private static final String AGREE = "taobao.rp.refunds.agree";
  private static final String MEMO = "taobao.trade.memo.update";
  private static final String STEP = "serviceTask_executeRefund";
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
  private static final String MEMO_OK =
      "{\"trade_memo_update_response\":{\"trade\":{\"tid\":1,\"modified\":\"2024-05-03 09:15:00\"}}}";

  @DynamicPropertySource
  static void gateway(DynamicPropertyRegistry registry) {
    registry.add("aftersales.shop.taobao.gateway-url", TOP::gatewayUrl);
    registry.add("aftersales.shop.taobao.app-key", () -> SimulatedTop.APP_KEY);
    registry.add("aftersales.shop.taobao.app-secret", () -> SimulatedTop.APP_SECRET);
    registry.add("aftersales.shop.taobao.session-key", () -> SimulatedTop.SESSION);
    registry.add("aftersales.shop.taobao.read-timeout", READ_TIMEOUT::toString);
    registry.add("aftersales.shop.taobao.return-address-id", () -> SimulatedTop.RETURN_ADDRESS_ID);
  }

  @Autowired ProcessEngine engine;
  @Autowired TmcPoller poller;
  @Autowired CaseRepository caseRepository;
  @Autowired JdbcTemplate jdbc;

  private String tid;
  private String refundId;

  @AfterAll
  static void stopGateway() {
    TOP.close();
  }

  @BeforeEach
  void gatewayAnswers() {
    TOP.reset();
    BpmnAwareTests.init(engine);
    tid = String.valueOf(2_231_958_000_000L + IDS.incrementAndGet());
    refundId = String.valueOf(83_477_000_000L + IDS.incrementAndGet());
    TOP.stub(TmcPoller.CONFIRM, "{\"tmc_messages_confirm_response\":{\"is_success\":true}}");
    TOP.stub(MEMO, MEMO_OK);
    TOP.stub("taobao.trade.fullinfo.get", trade(tid, refundId));
    // the platform's state: the refund waits for the seller until an agreement reached it
    TOP.stub(
        "taobao.refund.get",
        call ->
            refund(refundId, tid, TOP.calls(AGREE).isEmpty() ? "WAIT_SELLER_AGREE" : "SUCCESS"));
    TOP.stub(AGREE, agreed(refundId));
  }

  @AfterEach
  void engineClock() {
    ClockUtil.reset();
  }

  @Test
  void aStepFailingAfterTheAgreementWentOutAgreesOnceWhenRetried() {
    ProcessInstance pi = agreedByFinance();
    TOP.stubAnswers(
        MEMO,
        Answer.json(
            SimulatedTop.error(15, "Remote service error", "isp.remote-service-error", "服务暂不可用")),
        Answer.json(MEMO_OK));
    int memosBefore = TOP.calls(MEMO).size();

    failsOnce(pi, "isp.remote-service-error");
    assertThat(TOP.calls(AGREE)).hasSize(1);
    assertThat(TOP.calls(MEMO)).hasSize(memosBefore + 1);
    assertThat(financeRemarks()).isZero(); // rolled back with the job

    retryAfterTheWait(pi);

    assertThat(TOP.calls(AGREE)).hasSize(1);
    assertThat(TOP.calls(AGREE).get(0).param("refund_infos"))
        .isEqualTo(refundId + "|4000|1714700000000|onsale");
    assertThat(TOP.calls(MEMO)).hasSize(memosBefore + 4);
    // the finance and the internal remark, then the hold (yellow) lowered: purple shows again
    assertThat(TOP.calls(MEMO).get(memosBefore + 3).param("flag")).isEqualTo("5");
    assertThat(TOP.calls(MEMO).get(memosBefore + 1).param("memo")).contains("已在平台同意退款 40");
    assertThat(financeRemarks()).isOne();
    pastTheAgreementWithoutIncident(pi);
  }

  @Test
  void anAgreementWhoseAnswerTimedOutIsReadBackAndNotSentAgain() {
    ProcessInstance pi = agreedByFinance();
    // the platform applies the agreement, its answer comes after the client gave up
    TOP.stubAnswers(
        AGREE,
        Answer.delayed(READ_TIMEOUT.multipliedBy(3), agreed(refundId)),
        Answer.json(agreed(refundId)));
    int readsBefore = TOP.calls("taobao.refund.get").size();
    int memosBefore = TOP.calls(MEMO).size();

    failsOnce(pi, AGREE);
    assertThat(TOP.calls(AGREE)).hasSize(1);
    assertThat(TOP.calls(MEMO)).hasSize(memosBefore);

    retryAfterTheWait(pi);

    assertThat(TOP.calls(AGREE)).hasSize(1);
    // each attempt read the refund first; the retry found it agreed
    assertThat(TOP.calls("taobao.refund.get")).hasSize(readsBefore + 2);
    // the finance and the internal remark, then the hold (yellow) lowered: purple shows again
    assertThat(TOP.calls(MEMO)).hasSize(memosBefore + 3);
    assertThat(TOP.calls(MEMO).get(memosBefore + 2).param("flag")).isEqualTo("5");
    assertThat(financeRemarks()).isOne();
    pastTheAgreementWithoutIncident(pi);
  }

  // ------------------------------------------------------------------ the case

  /** A refund filed on the platform opens a case; the agent and finance agree it. */
  private ProcessInstance agreedByFinance() {
    String messageId = String.valueOf(123_456_000_000L + IDS.incrementAndGet());
    TOP.stubSequence(
        TmcPoller.CONSUME,
        consume(messageId, TmcMessages.REFUND_CREATED, refundId, tid),
        "{\"tmc_messages_consume_response\":{\"messages\":{\"tmc_message\":[]}}}");
    assertThat(poller.poll().failed()).isEmpty();
    ProcessInstance pi =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(caseRepository.openOf(tid).get(0).caseId())
            .processDefinitionKey("refund")
            .singleResult();
    DueJobs.runMessages(engine.getManagementService(), pi.getId());
    complete(
        pi,
        "userTask_retainSale",
        "agent1",
        Map.of("retainOutcome", "REFUND", "retainNote", "买家坚持退款"));
    DueJobs.runMessages(engine.getManagementService(), pi.getId());
    complete(
        pi,
        "userTask_approveRefund",
        "finance",
        Map.of("refundDecision", "AGREE", "financeNote", "已核对"));
    assertThat(TOP.calls(AGREE)).isEmpty();
    return pi;
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
  }

  private Job step(ProcessInstance pi) {
    return engine
        .getManagementService()
        .createJobQuery()
        .processInstanceId(pi.getId())
        .activityId(STEP)
        .singleResult();
  }

  /** The step's first attempt fails with the shop unavailable; the engine waits before a retry. */
  private void failsOnce(ProcessInstance pi, String why) {
    ManagementService management = engine.getManagementService();
    Job job = step(pi);
    assertThat(job).isNotNull();
    assertThatThrownBy(() -> management.executeJob(job.getId()))
        .isInstanceOf(ShopUnavailableException.class)
        .hasMessageContaining(why);
    Job waiting = step(pi);
    assertThat(waiting.getRetries()).isEqualTo(2);
    assertThat(waiting.getDuedate()).isAfter(ClockUtil.getCurrentTime());
    assertThat(
            DueJobs.run(
                management,
                () -> management.createJobQuery().processInstanceId(pi.getId()).executable(),
                j -> j.getId().equals(job.getId()),
                1))
        .as("not retried before its due time")
        .isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
  }

  /** Moves the engine's clock past the retry's due time and runs what is due, as the executor. */
  private void retryAfterTheWait(ProcessInstance pi) {
    ClockUtil.setCurrentTime(new Date(step(pi).getDuedate().getTime() + 1_000));
    DueJobs.runMessages(engine.getManagementService(), pi.getId());
  }

  private void pastTheAgreementWithoutIncident(ProcessInstance pi) {
    assertThat(pi).hasPassed(STEP);
    assertThat(step(pi)).isNull();
    assertThat(
            engine
                .getHistoryService()
                .createHistoricIncidentQuery()
                .processInstanceId(pi.getId())
                .count())
        .isZero();
    assertThat(TOP.rejected()).isEmpty();
  }

  /** Finance's remark that the refund was agreed on the platform, as kept in our database. */
  private int financeRemarks() {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from taobao_remark where order_id = ? and remark_column = 'FINANCE'"
                + " and body like '已在平台同意退款%'",
            Integer.class, tid);
    return n == null ? 0 : n;
  }

  // ------------------------------------------------------------------ the platform's answers

  private static String agreed(String refundId) {
    return "{\"rp_refunds_agree_response\":{\"succ\":true,\"msg_code\":\"OP_SUCC\",\"message\":\"\","
        + "\"results\":{\"refund_mapping_result\":[{\"refund_id\":\""
        + refundId
        + "\",\"succ\":true,\"message\":\"succ\"}]}}}";
  }

  private static String time(ZonedDateTime t) {
    return t.withZoneSameInstant(TopClient.PLATFORM_ZONE).format(TopClient.TIMESTAMP);
  }

  /** A paid, unshipped trade of 40 yuan with the buyer's refund on its only order. */
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

  /** The refund as {@code taobao.refund.get} answers; agreeing it changes its version. */
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
        + "\"refund_version\":"
        + ("SUCCESS".equals(status) ? "1714700005000" : "1714700000000")
        + ",\"dispute_type\":\"REFUND\","
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
}
