package com.aftersales.dunning;

import static com.aftersales.support.ClaimSteps.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.aftersales.base.InvalidInputException;
import com.aftersales.orders.OrderImporter;
import com.aftersales.orders.ReportFixtures;
import com.aftersales.orders.ReportFixtures.Line;
import com.aftersales.shop.MessageChannel;
import com.aftersales.shop.MessagePurpose;
import com.aftersales.shop.SentMessage;
import com.aftersales.support.ProcessPathTest;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every outcome and clock of {@code bpmn/dunning.bpmn} (SOP §6): the daily run, the contact task
 * and its detail rows, promises, retries, payment by import or event, the platform's 72 hours, and
 * the summary.
 */
class DunningProcessTest extends ProcessPathTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private static final AtomicInteger DAY = new AtomicInteger();

  @Autowired DunningService dunning;
  @Autowired DunningSummary summary;
  @Autowired OrderImporter importer;
  @Autowired JdbcTemplate jdbc;

  DunningProcessTest() {
    super("dunning");
  }

  /**
   * A day of its own for each test, ahead of today, so its orders are nobody else's; the engine's
   * clock is then moved to the morning after it.
   */
  private LocalDate freshDay() {
    return LocalDate.now(SHANGHAI).plusDays(30 + DAY.incrementAndGet() * 5L);
  }

  /** Sets the engine's clock to {@code hoursAfter} hours after midnight ending {@code day}. */
  private void clockAfter(LocalDate day, double hoursAfter) {
    ClockUtil.setCurrentTime(
        Date.from(
            day.plusDays(1)
                .atStartOfDay(SHANGHAI)
                .toInstant()
                .plusSeconds((long) (hoursAfter * 3600))));
  }

  /** An unpaid order placed on {@code day} at {@code hour}:00, of 88 yuan. */
  private String unpaidOrder(LocalDate day, int hour) {
    return orders.unpaid("tb_dun", day.atTime(hour, 0).atZone(SHANGHAI).toOffsetDateTime());
  }

  private ProcessInstance caseOf(String orderId) {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey("DUNNING-" + orderId)
        .singleResult();
  }

  private ProcessInstance openFor(String orderId, LocalDate day) {
    dunning.run(day);
    return caseOf(orderId);
  }

  private Map<String, Object> contact(String result, String answeredBy, String promise) {
    Map<String, Object> v =
        vars(
            "contactChannel",
            "PHONE",
            "answeredBy",
            answeredBy,
            "dunningResult",
            result,
            "dunningNote",
            "已沟通");
    if (promise != null) {
      v.put("promisedAtText", promise);
    }
    return v;
  }

  private int details(String orderId) {
    return jdbc.queryForObject(
        "select count(*) from dunning_detail where order_id = ?", Integer.class, orderId);
  }

  /** What reached the buyer of the order's dunning case. */
  private List<SentMessage> messages(String orderId) {
    return shop.buyerMessages("DUNNING-" + orderId);
  }

  private String outcome(String orderId) {
    return jdbc.queryForObject(
        "select outcome from dunning_case where order_id = ?", String.class, orderId);
  }

  // ---------------------------------------------------------------- runs

  @Test
  void shouldOpenOneCasePerUnpaidOrderOfThatDayAndNeverTwice() {
    LocalDate day = freshDay();
    String first = unpaidOrder(day, 0);
    String last = unpaidOrder(day, 23);
    jdbc.update(
        "update shop_order set created_at = ? where order_id = ?",
        day.atTime(23, 59, 59).atZone(SHANGHAI).toOffsetDateTime(),
        last);
    String nextDay = unpaidOrder(day.plusDays(1), 0);
    String paid = unpaidOrder(day, 12);
    jdbc.update("update shop_order set status = 'PAID' where order_id = ?", paid);
    clockAfter(day, 9.5);

    DunningService.RunResult result = dunning.run(day);
    Assertions.assertThat(result.opened()).isEqualTo(2);
    Assertions.assertThat(caseOf(first)).isNotNull();
    Assertions.assertThat(caseOf(last)).isNotNull();
    Assertions.assertThat(caseOf(nextDay)).isNull();
    Assertions.assertThat(caseOf(paid)).isNull();
    Task task = taskOf(caseOf(first), "userTask_contactBuyer");
    assertThat(task).hasCandidateGroup("agents");
    Assertions.assertThat(processEngine.getTaskService().getVariable(task.getId(), "wordingBuyer"))
        .asString()
        .contains("88.00 元")
        .contains(day.plusDays(3) + " 00:00");

    DunningService.RunResult again = dunning.run(day);
    Assertions.assertThat(again.opened()).isZero();
    Assertions.assertThat(
            jdbc.queryForObject(
                "select count(*) from dunning_case where run_date = ?", Integer.class, day))
        .isEqualTo(2);
    // yesterday is the default day
    Assertions.assertThat(dunning.yesterday()).isEqualTo(day);
  }

  @Test
  void shouldOpenEachCaseOnceWhenTwoRunsRaceForTheSameDay() throws Exception {
    LocalDate day = freshDay();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      ids.add(unpaidOrder(day, i));
    }
    clockAfter(day, 9.5);
    CyclicBarrier start = new CyclicBarrier(2);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Callable<DunningService.RunResult> run =
          () -> {
            start.await();
            return dunning.run(day);
          };
      Future<DunningService.RunResult> a = pool.submit(run);
      Future<DunningService.RunResult> b = pool.submit(run);
      int opened = a.get().opened() + b.get().opened();
      Assertions.assertThat(opened).isEqualTo(8);
    } finally {
      pool.shutdownNow();
    }
    for (String id : ids) {
      Assertions.assertThat(
              processEngine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceBusinessKey("DUNNING-" + id)
                  .count())
          .isEqualTo(1);
    }
  }

  // ---------------------------------------------------------------- outcomes

  @Test
  void shouldFollowUpAtThePromisedTimeAndEndWhenAnImportShowsTheOrderPaid() throws Exception {
    LocalDate day = freshDay();
    String orderId = unpaidOrder(day, 20);
    clockAfter(day, 9.5);
    ProcessInstance pi = openFor(orderId, day);
    String promise = day.plusDays(1) + " 20:00";
    completeAs(pi, "userTask_contactBuyer", "agent1", contact("WILL_PAY", "BUYER", promise));
    assertThat(pi).isWaitingAt("timer_promisedTime");
    Assertions.assertThat(details(orderId)).isEqualTo(1);
    Assertions.assertThat(
            jdbc.queryForObject(
                    "select promised_at from dunning_detail where order_id = ?",
                    OffsetDateTime.class,
                    orderId)
                .toInstant())
        .isEqualTo(day.plusDays(1).atTime(20, 0).atZone(SHANGHAI).toInstant());

    clockAfter(day, 20.5);
    runDueTimers(pi);
    assertThat(pi).isWaitingAt("userTask_contactBuyer");
    completeAs(pi, "userTask_contactBuyer", "agent1", contact("PAYMENT_TROUBLE", "BUYER", null));
    assertThat(pi).isWaitingAt("receiveTask_awaitPayment");

    // the next morning's export shows the order paid
    Line paidLine =
        Line.unpaid(orderId, "tb_dun", day.atTime(20, 0).format(TEXT))
            .withStatus("买家已付款，等待卖家发货", day.plusDays(1).atTime(21, 0).format(TEXT), "88.00");
    var started =
        importer.start(
            new ByteArrayInputStream(
                ReportFixtures.csv(
                    ReportFixtures.NEW_HEADINGS, List.of(paidLine), StandardCharsets.UTF_8, true)),
            "next.csv",
            "agent1");
    started.done().get();
    Assertions.assertThat(importer.status(started.id()).casesEnded()).isEqualTo(1);
    runDueJobs(pi);
    assertThat(pi)
        .isEnded()
        .hasPassed("message_orderPaid", "serviceTask_recordPaid", "endEvent_paid");
    Assertions.assertThat(outcome(orderId)).isEqualTo("PAID");
    Assertions.assertThat(details(orderId)).isEqualTo(2);
  }

  @Test
  void shouldTryAnUnreachableBuyerAgainThenWaitUntilThePlatformCloses() {
    LocalDate day = freshDay();
    String orderId = unpaidOrder(day, 8);
    clockAfter(day, 9.5);
    ProcessInstance pi = openFor(orderId, day);
    for (int attempt = 1; attempt <= 3; attempt++) {
      completeAs(pi, "userTask_contactBuyer", "agent2", contact("UNREACHABLE", "NOBODY", null));
      if (attempt < 3) {
        assertThat(pi).isWaitingAt("timer_retryContact");
        moveClock(Duration.ofHours(2).plusMinutes(1));
        runDueTimers(pi);
      }
    }
    assertThat(pi).isWaitingAt("receiveTask_awaitPayment");
    Assertions.assertThat(details(orderId)).isEqualTo(3);
    // nobody picked up: nothing was said, nothing is recorded as sent
    Assertions.assertThat(messages(orderId)).isEmpty();
    clockAfter(day, 56.01); // 72 hours after 08:00 on the order's day
    runDueTimers(pi);
    assertThat(pi).isEnded().hasPassed("timer_autoClose", "endEvent_autoClosed");
    Assertions.assertThat(outcome(orderId)).isEqualTo("AUTO_CLOSED");
  }

  @Test
  void shouldEndWhenTheBuyerDeclines() {
    LocalDate day = freshDay();
    String orderId = unpaidOrder(day, 9);
    clockAfter(day, 9.5);
    ProcessInstance pi = openFor(orderId, day);
    // a tick the form hid (the call was by phone) records nothing
    Map<String, Object> byPhone = contact("CHANGED_MIND", "BUYER", null);
    byPhone.put("buyerMessageSent", true);
    completeAs(pi, "userTask_contactBuyer", "agent1", byPhone);
    assertThat(pi).isEnded().hasPassed("endEvent_declinedInner", "endEvent_declined");
    Assertions.assertThat(outcome(orderId)).isEqualTo("DECLINED");
    Assertions.assertThat(messages(orderId)).isEmpty();
  }

  @Test
  void shouldEndWhenTheBackOfficeReportsTheOrderClosed() {
    LocalDate day = freshDay();
    String orderId = unpaidOrder(day, 9);
    clockAfter(day, 9.5);
    ProcessInstance pi = openFor(orderId, day);
    completeAs(pi, "userTask_contactBuyer", "agent1", contact("PRICE", "OTHER", null));
    Assertions.assertThat(dunning.orderPaidOrClosed(orderId, false)).isEqualTo(1);
    assertThat(pi).isEnded().hasPassed("message_orderClosed", "endEvent_orderClosed");
    Assertions.assertThat(outcome(orderId)).isEqualTo("CLOSED");
    Assertions.assertThat(dunning.orderPaidOrClosed(orderId, false)).isZero();
  }

  @Test
  void shouldRefuseAnOutcomeThatDoesNotAddUp() {
    LocalDate day = freshDay();
    String orderId = unpaidOrder(day, 9);
    clockAfter(day, 9.5);
    ProcessInstance pi = openFor(orderId, day);
    Object[][] bad = {
      {contact("UNREACHABLE", "BUYER", null), "接听人请选“无人接听/未回复”"},
      {contact("WILL_PAY", "NOBODY", null), "无人接听时结果只能是“联系不上”"},
      {contact("WILL_PAY", "BUYER", "明天晚上"), "格式不对"},
      {contact("WILL_PAY", "BUYER", day + " 08:00"), "应晚于现在"},
      {contact("WILL_PAY", "BUYER", day.plusDays(4) + " 08:00"), "要早于它"},
      {contact("CHANGED_MIND", "BUYER", day.plusDays(1) + " 20:00"), "不需要填约定付款时间"},
      {vars("answeredBy", "BUYER", "dunningResult", "WILL_PAY"), "请填写联系方式"},
    };
    for (Object[] c : bad) {
      @SuppressWarnings("unchecked")
      Map<String, Object> v = (Map<String, Object>) c[0];
      assertRefused(pi, "userTask_contactBuyer", v)
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining((String) c[1]);
    }
    Assertions.assertThat(details(orderId)).isZero();
    assertThat(pi).isWaitingAt("userTask_contactBuyer");
  }

  // ---------------------------------------------------------------- the chat reminder

  private Map<String, Object> inChat(String result, String answeredBy, boolean sent) {
    Map<String, Object> v = contact(result, answeredBy, null);
    v.put("contactChannel", "WANGWANG");
    v.put("buyerMessageSent", sent);
    return v;
  }

  @Test
  void shouldRecordTheChatReminderOnlyOnceTheAgentSentItInQianniu() {
    LocalDate day = freshDay();
    String orderId = unpaidOrder(day, 14);
    clockAfter(day, 9.5);
    ProcessInstance pi = openFor(orderId, day);
    Task task = taskOf(pi, "userTask_contactBuyer");
    String reminder =
        (String) processEngine.getTaskService().getVariable(task.getId(), "buyerMessageText");
    String item =
        jdbc.queryForObject(
            "select item_title from shop_order where order_id = ?", String.class, orderId);
    Assertions.assertThat(reminder)
        .contains(orderId)
        .contains("“" + item + "”")
        .contains("88.00 元")
        .contains("×1")
        .contains(day.plusDays(3) + " 14:00");
    Assertions.assertThat(
            processEngine.getTaskService().getVariable(task.getId(), "buyerMessageSent"))
        .as("no tick the agent did not give")
        .isNull();

    assertRefused(pi, "userTask_contactBuyer", inChat("WILL_PAY", "BUYER", false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("已在千牛发送给买家");
    Assertions.assertThat(messages(orderId)).isEmpty();
    Assertions.assertThat(details(orderId)).isZero();

    // the buyer did not reply yet: the reminder reached the chat all the same
    completeAs(pi, "userTask_contactBuyer", "agent2", inChat("UNREACHABLE", "NOBODY", true));
    assertThat(pi).isWaitingAt("timer_retryContact");
    List<SentMessage> sent = messages(orderId);
    Assertions.assertThat(sent).hasSize(1);
    SentMessage m = sent.get(0);
    Assertions.assertThat(m.purpose()).isEqualTo(MessagePurpose.DUNNING);
    Assertions.assertThat(m.channel()).isEqualTo(MessageChannel.QIANNIU);
    Assertions.assertThat(m.sentBy()).isEqualTo("agent2");
    Assertions.assertThat(m.orderId()).isEqualTo(orderId);
    Assertions.assertThat(m.text()).isEqualTo(reminder);
    Assertions.assertThat(caseRepository.timeline("DUNNING-" + orderId))
        .anyMatch(e -> String.valueOf(e.detail()).startsWith("已发给买家（催付"));

    // the next contact is a call: the tick starts unticked again and nothing more is recorded
    moveClock(Duration.ofHours(2).plusMinutes(1));
    runDueTimers(pi);
    Assertions.assertThat(
            processEngine
                .getTaskService()
                .getVariable(taskOf(pi, "userTask_contactBuyer").getId(), "buyerMessageSent"))
        .isNotEqualTo(true);
    completeAs(pi, "userTask_contactBuyer", "agent1", contact("WILL_PAY", "BUYER", null));
    Assertions.assertThat(messages(orderId)).hasSize(1);
    Assertions.assertThat(details(orderId)).isEqualTo(2);
  }

  // ---------------------------------------------------------------- the summary

  @Test
  void shouldSumUpOrdersReachedPaidAndRecoveredPerDayAndAgent() {
    LocalDate day = freshDay();
    String paidAfterCall = unpaidOrder(day, 8);
    String unreachable = unpaidOrder(day, 9);
    String declined = unpaidOrder(day, 10);
    String neverCalled = unpaidOrder(day, 11);
    clockAfter(day, 9.5);
    dunning.run(day);
    ProcessInstance paid = caseOf(paidAfterCall);
    completeAs(paid, "userTask_contactBuyer", "agent1", contact("WILL_PAY", "BUYER", null));
    dunning.orderPaidOrClosed(paidAfterCall, true);
    runDueJobs(paid);
    completeAs(
        caseOf(unreachable),
        "userTask_contactBuyer",
        "agent1",
        contact("UNREACHABLE", "NOBODY", null));
    completeAs(
        caseOf(declined),
        "userTask_contactBuyer",
        "agent2",
        contact("CHANGED_MIND", "BUYER", null));

    List<DunningSummary.Line> lines = summary.lines(day, day);
    Assertions.assertThat(lines)
        .extracting(
            DunningSummary.Line::agent,
            DunningSummary.Line::orders,
            DunningSummary.Line::reached,
            DunningSummary.Line::paidAfterDunning)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("agent1", 2, 1, 1),
            org.assertj.core.groups.Tuple.tuple("agent2", 1, 1, 0),
            org.assertj.core.groups.Tuple.tuple(DunningSummary.NOT_CONTACTED, 1, 0, 0));
    DunningSummary.Line agent1 = lines.get(0);
    Assertions.assertThat(agent1.amountRecovered()).isEqualByComparingTo("88.00");
    Assertions.assertThat(agent1.conversionRate()).isEqualByComparingTo(new BigDecimal("0.5"));
    Assertions.assertThat(caseOf(neverCalled)).isNotNull();
  }
}
