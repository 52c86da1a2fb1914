package com.aftersales.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.cases.CaseRecord;
import com.aftersales.cases.CaseRepository;
import com.aftersales.cases.CaseStatus;
import com.aftersales.support.DueJobs;
import com.aftersales.support.Postgres;
import com.aftersales.support.SimulatedTop;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The shop connected, end to end, on PostgreSQL: a buyer files a refund on the (simulated) Taobao
 * Open Platform; the message service's message opens a refund case with nobody typing (the
 * application polls by itself); finance agrees in Tasklist in a real browser; the gateway receives
 * the agreement for that refund with its amount in fen and its version; the platform's success
 * message ends the case. The flag the flow sets reaches the gateway's memo call.
 */
@TestPropertySource(
    properties = {
      "aftersales.shop.adapter=taobao",
      "aftersales.shop.taobao.poll-interval=PT1S",
      "aftersales.shop.taobao.reconcile-interval=PT1H",
      "aftersales.shop.taobao.read-timeout=PT30S"
    })
class ShopConnectedPostgresIT extends BrowserTestBase {

  private static final SimulatedTop TOP = new SimulatedTop();
  private static final ZoneId PLATFORM = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final String CONSUME = "taobao.tmc.messages.consume";
  private static final String CONFIRM = "taobao.tmc.messages.confirm";
  private static final String NO_MESSAGES =
      "{\"tmc_messages_consume_response\":{\"messages\":{\"tmc_message\":[]}}}";
  private static final String VERSION = "1714700000000";

  static {
    // the application polls from its start: nothing to hear until the buyer files
    TOP.stub(CONSUME, NO_MESSAGES);
    TOP.stub(CONFIRM, "{\"tmc_messages_confirm_response\":{\"is_success\":true}}");
  }

  @DynamicPropertySource
  static void databaseAndGateway(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "shop_connected");
    registry.add("aftersales.shop.taobao.gateway-url", TOP::gatewayUrl);
    registry.add("aftersales.shop.taobao.app-key", () -> SimulatedTop.APP_KEY);
    registry.add("aftersales.shop.taobao.app-secret", () -> SimulatedTop.APP_SECRET);
    registry.add("aftersales.shop.taobao.session-key", () -> SimulatedTop.SESSION);
    registry.add("aftersales.shop.taobao.return-address-id", () -> SimulatedTop.RETURN_ADDRESS_ID);
  }

  @AfterAll
  static void stopGateway() {
    TOP.close();
  }

  @Autowired CaseRepository cases;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;

  ShopConnectedPostgresIT() {
    super("shop-connected-");
  }

  private static String time(ZonedDateTime t) {
    return t.withZoneSameInstant(PLATFORM).format(TIME);
  }

  /** A paid, unshipped trade of 40 yuan with the buyer's refund on it (docs §1 shape). */
  private static String trade(String tid, String refundId) {
    ZonedDateTime now = ZonedDateTime.now(PLATFORM);
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
        + "\"refund_version\":"
        + VERSION
        + ",\"dispute_type\":\"REFUND\",\"created\":\""
        + time(ZonedDateTime.now(PLATFORM).minusMinutes(5))
        + "\",\"modified\":\""
        + time(ZonedDateTime.now(PLATFORM).minusMinutes(5))
        + "\"}}}";
  }

  /** One message of the message service (docs §12a shape); ids as the platform's numbers. */
  private static String message(String messageId, String topic, String refundId, String tid) {
    String content =
        "{\\\"bill_type\\\":\\\"refund_bill\\\",\\\"buyer_open_uid\\\":\\\"AAHk5d\\\","
            + "\\\"modified\\\":\\\""
            + time(ZonedDateTime.now(PLATFORM))
            + "\\\",\\\"oid\\\":"
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
        + "\",\"pub_time\":\""
        + time(ZonedDateTime.now(PLATFORM))
        + "\",\"pub_app_key\":\"12497914\",\"user_id\":2200001,\"user_nick\":\"some-shop\","
        + "\"content\":\""
        + content
        + "\"}]}}}";
  }

  private ProcessInstance refundCase(String caseId) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId)
        .processDefinitionKey("refund")
        .singleResult();
  }

  private Task task(ProcessInstance pi, String key) {
    return tasks
        .createTaskQuery()
        .processInstanceId(pi.getId())
        .taskDefinitionKey(key)
        .singleResult();
  }

  @Test
  void aRefundFiledOnThePlatformIsOpenedAgreedInTasklistAndEndedByThePlatformsSuccess() {
    long seed = System.nanoTime() % 1_000_000L;
    String tid = String.valueOf(4_203_751_000_000_000_000L + seed);
    String refundId = String.valueOf(83_477_000_000L + seed);
    String created = String.valueOf(123_456_000_000L + seed);
    String succeeded = String.valueOf(123_457_000_000L + seed);
    TOP.stub("taobao.trade.fullinfo.get", trade(tid, refundId));
    TOP.stub("taobao.refund.get", refund(refundId, tid, "WAIT_SELLER_AGREE"));
    TOP.stub(
        "taobao.trade.memo.update",
        "{\"trade_memo_update_response\":{\"trade\":{\"tid\":"
            + tid
            + ",\"modified\":\"2026-11-30 09:15:00\"}}}");
    TOP.stub(
        "taobao.refund.message.add",
        "{\"refund_message_add_response\":{\"refund_message\":{\"id\":1,\"created\":\"2026-11-30 10:05:00\"}}}");
    TOP.stub(
        "taobao.rp.refunds.agree",
        "{\"rp_refunds_agree_response\":{\"succ\":true,\"msg_code\":\"OP_SUCC\",\"message\":\"\","
            + "\"results\":{\"refund_mapping_result\":[{\"refund_id\":\""
            + refundId
            + "\",\"succ\":true,\"message\":\"succ\"}]}}}");

    // 1. the buyer files: the next poll of the message service brings the refund
    step("01-opened");
    TOP.stubSequence(
        CONSUME, message(created, "taobao_refund_RefundCreated", refundId, tid), NO_MESSAGES);
    page.open();
    CaseRecord opened =
        page.until(
            "the platform's refund opens a case by itself",
            d -> cases.openOf(tid).stream().findFirst().orElse(null));
    assertThat(opened.openedBy()).isEqualTo("淘宝平台");
    assertThat(cases.openOf(tid)).hasSize(1);
    page.until(
        "the message is confirmed",
        d -> TOP.calls(CONFIRM).stream().anyMatch(c -> c.param("s_message_ids").contains(created)));
    ProcessInstance pi = refundCase(opened.caseId());
    assertThat(runtime.getVariable(pi.getId(), "platformRefundId")).isEqualTo(refundId);
    DueJobs.runMessages(management, pi.getId());
    // the flow flagged the order purple with the platform's deadline: the memo call carries it
    assertThat(TOP.calls("taobao.trade.memo.update"))
        .anyMatch(c -> tid.equals(c.param("tid")) && "5".equals(c.param("flag")));
    done("01-opened");

    // 2. the agent could not keep the sale (their own step; the browser part is finance's)
    Task retain = task(pi, "userTask_retainSale");
    assertThat(retain).as("the agent's step of the unshipped order").isNotNull();
    tasks.setAssignee(retain.getId(), "agent1");
    tasks.complete(retain.getId(), Map.of("retainOutcome", "REFUND", "retainNote", "买家坚持退款"));
    DueJobs.runMessages(management, pi.getId());
    Task approve = task(pi, "userTask_approveRefund");
    assertThat(approve).isNotNull();

    // 3. finance agrees in Tasklist
    step("02-finance");
    page.logIn("finance", "demo");
    page.driver.get(base() + "/camunda/app/tasklist/default/#/?task=" + approve.getId());
    page.visible(By.xpath("//h2[normalize-space(.)='" + approve.getName() + "']"));
    page.claim();
    By decision = page.field(TasklistPage.TASK_FORM, "同意退款");
    page.reloadAndWaitFor(decision);
    page.until(
        "the form shows the order",
        d -> tid.equals(page.value(page.field(TasklistPage.TASK_FORM, "订单编号"))));
    assertThat(page.value(page.field(TasklistPage.TASK_FORM, "退款金额"))).startsWith("40");
    page.check(decision, true);
    page.fill(page.field(TasklistPage.TASK_FORM, "财务备注"), "已核对，同意退款");
    done("02-finance");
    page.complete();
    page.until(
        "the task is completed", d -> tasks.createTaskQuery().taskId(approve.getId()).count() == 0);
    DueJobs.runMessages(management, pi.getId());

    // 4. the gateway received the agreement for that refund: fen and the version read just before
    List<SimulatedTop.Call> agreed = TOP.calls("taobao.rp.refunds.agree");
    assertThat(agreed).hasSize(1);
    assertThat(agreed.get(0).param("refund_infos")).startsWith(refundId + "|4000|" + VERSION);
    assertThat(cases.find(opened.caseId()).orElseThrow().status())
        .as("agreed is not paid: the case waits for the platform")
        .isEqualTo(CaseStatus.OPEN);

    // 5. the platform pays and says so: the case ends
    step("03-paid");
    TOP.stub("taobao.refund.get", refund(refundId, tid, "SUCCESS"));
    TOP.stubSequence(
        CONSUME, message(succeeded, "taobao_refund_RefundSuccess", refundId, tid), NO_MESSAGES);
    page.until(
        "the platform's success message ends the case",
        d -> {
          DueJobs.runMessages(management, pi.getId());
          return cases.find(opened.caseId()).orElseThrow().status() == CaseStatus.CLOSED;
        });
    assertThat(refundCase(opened.caseId())).isNull();
    assertThat(TOP.calls("taobao.rp.refunds.agree")).hasSize(1);
    assertThat(TOP.rejected()).as("every request was signed right").isEmpty();
    done("03-paid");
  }
}
