package com.aftersales.followup;

import static com.aftersales.support.ClaimSteps.vars;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;

import com.aftersales.base.InvalidInputException;
import com.aftersales.shop.MessageChannel;
import com.aftersales.shop.MessagePurpose;
import com.aftersales.shop.SentMessage;
import com.aftersales.support.ProcessPathTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@code bpmn/follow-up-call.bpmn} (SOP §7): who is selected, in which slot, what the call records,
 * where its findings go; and the spot-check sample drawn from the completed calls.
 */
class FollowUpCallProcessTest extends ProcessPathTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final AtomicInteger DAY = new AtomicInteger();

  @Autowired FollowUpSelection followUps;
  @Autowired SpotCheckSampling spotChecks;
  @Autowired FollowUpConfig config;
  @Autowired Satisfaction satisfaction;
  @Autowired JdbcTemplate jdbc;

  FollowUpCallProcessTest() {
    super("follow-up-call");
  }

  /**
   * A day of its own for each test, ahead of today; the engine's clock is set to 09:00 that day.
   */
  private LocalDate freshDay() {
    LocalDate day = LocalDate.now(SHANGHAI).plusDays(200 + DAY.incrementAndGet() * 40L);
    at(day, LocalTime.of(9, 0));
    return day;
  }

  private void at(LocalDate day, LocalTime time) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(time).atZone(SHANGHAI).toInstant()));
  }

  /**
   * A delivered order, signed {@code daysBefore} days before {@code day}, shipped to {@code
   * address}.
   */
  private String signed(LocalDate day, int daysBefore, String address) {
    return orders.signed(
        "tb_fu",
        address,
        day.minusDays(daysBefore).atTime(15, 0).atZone(SHANGHAI).toOffsetDateTime());
  }

  private ProcessInstance call(String scenario, String orderId) {
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey("FOLLOWUP-" + scenario + "-" + orderId)
        .singleResult();
  }

  private static Map<String, Object> satisfied() {
    return vars(
        "reachedAnswer", "YES",
        "productSatisfaction", "VERY",
        "serviceAttitude", "VERY",
        "serviceSkill", "BASIC",
        "problem", "NONE",
        "routeTo", "NONE",
        "suggestions", "包装可以再结实点");
  }

  private List<SentMessage> messages(ProcessInstance pi) {
    return shop.buyerMessages(pi.getBusinessKey());
  }

  private Map<String, Object> record(String caseId) {
    return jdbc.queryForMap("select * from follow_up_call where case_id = ?", caseId);
  }

  // ---------------------------------------------------------------- selection

  @Test
  void shouldSelectEachScenarioOnceAndCallInTheRegionsSlot() {
    LocalDate day = freshDay();
    String east = signed(day, 3, "浙江省 杭州市 余杭区 ****");
    String south = signed(day, 4, "广东省深圳市南山区****");
    String masked = signed(day, 5, "****");
    String tooRecent = signed(day, 1, "浙江省 杭州市");
    String tooOld = signed(day, 30, "浙江省 杭州市");
    String inTransit = orders.create("tb_fu", "60.00", 1);
    jdbc.update(
        "update shop_order set status = 'SHIPPED', address = '北京市 朝阳区', signed_at = null, paid_at = ?"
            + " where order_id = ?",
        day.minusDays(6).atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime(),
        inTransit);
    String waiting = orders.create("tb_fu", "60.00", 1);
    jdbc.update(
        "update shop_order set status = 'PAID', item_title = ? where order_id = ?",
        "断货杯 " + day,
        waiting);
    jdbc.update(
        "insert into stock_out (item_title, declared_at) values (?, current_timestamp)",
        "断货杯 " + day);

    FollowUpSelection.Selection selection = followUps.select(day);
    Assertions.assertThat(selection.selected().get(Scenario.NOT_RECEIVED))
        .isGreaterThanOrEqualTo(1);
    for (String id : List.of(east, south, masked)) {
      Assertions.assertThat(call("RECEIVED", id)).as(id).isNotNull();
    }
    Assertions.assertThat(call("RECEIVED", tooRecent)).isNull();
    Assertions.assertThat(call("RECEIVED", tooOld)).isNull();
    Assertions.assertThat(call("NOT_RECEIVED", inTransit)).isNotNull();
    Assertions.assertThat(call("OUT_OF_STOCK", waiting)).isNotNull();

    Task eastTask = taskOf(call("RECEIVED", east), "userTask_call");
    assertThat(eastTask).hasCandidateGroup("agents");
    Assertions.assertThat(eastTask.getFollowUpDate())
        .isEqualTo(Date.from(day.atTime(10, 0).atZone(SHANGHAI).toInstant()));
    Assertions.assertThat(eastTask.getDueDate())
        .isEqualTo(Date.from(day.atTime(12, 0).atZone(SHANGHAI).toInstant()));
    Assertions.assertThat(taskOf(call("RECEIVED", south), "userTask_call").getFollowUpDate())
        .isEqualTo(Date.from(day.atTime(14, 0).atZone(SHANGHAI).toInstant()));
    Assertions.assertThat(taskOf(call("RECEIVED", masked), "userTask_call").getFollowUpDate())
        .isEqualTo(Date.from(day.atTime(16, 0).atZone(SHANGHAI).toInstant()));
    Assertions.assertThat(record("FOLLOWUP-RECEIVED-" + south))
        .containsEntry("province", "广东")
        .containsEntry("region", "SOUTH");
    Assertions.assertThat(
            processEngine
                .getRuntimeService()
                .getVariable(call("OUT_OF_STOCK", waiting).getId(), "wording"))
        .asString()
        .contains("暂时缺货");

    // Tasklist's "现在可以回访" shows a call once its region's slot has begun
    var filter =
        processEngine.getFilterService().createFilterQuery().filterName("现在可以回访").singleResult();
    processEngine.getIdentityService().setAuthentication("agent1", List.of("agents"));
    try {
      java.util.function.Supplier<List<String>> callable =
          () ->
              processEngine.getFilterService().<Task>list(filter.getId()).stream()
                  .map(Task::getId)
                  .toList();
      Assertions.assertThat(callable.get()).doesNotContain(eastTask.getId());
      at(day, LocalTime.of(10, 5));
      Assertions.assertThat(callable.get())
          .contains(eastTask.getId())
          .doesNotContain(taskOf(call("RECEIVED", south), "userTask_call").getId());
    } finally {
      processEngine.getIdentityService().clearAuthentication();
    }

    // once per order and scenario, however often the run repeats
    FollowUpSelection.Selection again = followUps.select(day);
    Assertions.assertThat(again.selected().values()).allMatch(n -> n == 0);
    // a slot already over today moves to tomorrow's
    at(day, LocalTime.of(12, 30));
    Assertions.assertThat(followUps.slot(day, config.region("浙江"))[0].toLocalDate())
        .isEqualTo(day.plusDays(1));
  }

  // ---------------------------------------------------------------- the call

  @Test
  void shouldRecordASatisfiedBuyer() {
    LocalDate day = freshDay();
    String orderId = signed(day, 3, "上海市 浦东新区");
    followUps.select(day);
    ProcessInstance pi = call("RECEIVED", orderId);
    completeAs(pi, "userTask_call", "agent1", satisfied());
    assertThat(pi).isEnded().hasPassed("gateway_routing", "endEvent_done");
    Map<String, Object> r = record(pi.getBusinessKey());
    Assertions.assertThat(r)
        .containsEntry("reached", true)
        .containsEntry("product_satisfaction", "VERY")
        .containsEntry("service_skill", "BASIC")
        .containsEntry("caller", "agent1")
        .containsEntry("outcome", "DONE")
        .containsEntry("suggestions", "包装可以再结实点");
    Assertions.assertThat(r.get("completed_on").toString()).isEqualTo(day.toString());
    // a call is spoken: nothing was sent in writing
    Assertions.assertThat(messages(pi)).isEmpty();
  }

  @Test
  void shouldOpenTheRightCaseWithTheOrderFilledInWhenTheBuyerIsUnhappy() {
    LocalDate day = freshDay();
    String orderId = signed(day, 3, "江苏省 南京市");
    followUps.select(day);
    ProcessInstance pi = call("RECEIVED", orderId);
    Map<String, Object> unhappy = satisfied();
    unhappy.put("productSatisfaction", "NOT");
    unhappy.put("problem", "PRODUCT");
    assertRefused(pi, "userTask_call", unhappy)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("请选择转到哪里处理");
    unhappy.put("routeTo", "DAMAGE");
    unhappy.put("callNote", "杯盖有裂纹");
    completeAs(pi, "userTask_call", "agent2", unhappy);
    runDueJobs(pi);
    assertThat(pi).hasPassed("serviceTask_openFollowUpCase").isWaitingAt("userTask_tellRouted");
    assertThat(taskOf(pi, "userTask_tellRouted")).hasCandidateGroup("agents");
    String routed = (String) record(pi.getBusinessKey()).get("routed_case_id");
    Assertions.assertThat(routed).isEqualTo("DAMAGE-" + orderId);
    Assertions.assertThat(caseRepository.find(routed).orElseThrow().description())
        .contains("回访发现")
        .contains("杯盖有裂纹");

    // the buyer is told where the problem went, in Qianniu: recorded only once the agent sent it
    String item =
        jdbc.queryForObject(
            "select item_title from shop_order where order_id = ?", String.class, orderId);
    String text =
        (String)
            processEngine
                .getTaskService()
                .getVariable(taskOf(pi, "userTask_tellRouted").getId(), "buyerMessageText");
    Assertions.assertThat(text).contains("“" + item + "”").contains("破损").contains(routed);
    Assertions.assertThat(messages(pi)).isEmpty();
    assertRefused(pi, "userTask_tellRouted", vars("buyerMessageSent", false))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("已在千牛发送给买家");
    Assertions.assertThat(messages(pi)).isEmpty();
    completeAs(pi, "userTask_tellRouted", "agent2", vars("buyerMessageSent", true));
    assertThat(pi).isEnded().hasPassed("endEvent_routed");
    Assertions.assertThat(record(pi.getBusinessKey())).containsEntry("outcome", "ROUTED");
    List<SentMessage> sent = messages(pi);
    Assertions.assertThat(sent).hasSize(1);
    Assertions.assertThat(sent.get(0).purpose()).isEqualTo(MessagePurpose.FOLLOW_UP_OUTCOME);
    Assertions.assertThat(sent.get(0).channel()).isEqualTo(MessageChannel.QIANNIU);
    Assertions.assertThat(sent.get(0).sentBy()).isEqualTo("agent2");
    Assertions.assertThat(sent.get(0).orderId()).isEqualTo(orderId);
    Assertions.assertThat(sent.get(0).text()).isEqualTo(text);

    String other = signed(day, 3, "江苏省 苏州市");
    followUps.select(day);
    ProcessInstance complaining = call("RECEIVED", other);
    Map<String, Object> angry = satisfied();
    angry.put("serviceAttitude", "NOT");
    angry.put("problem", "SERVICE");
    angry.put("routeTo", "COMPLAINT");
    completeAs(complaining, "userTask_call", "agent1", angry);
    runDueJobs(complaining);
    Assertions.assertThat(record(complaining.getBusinessKey()).get("routed_case_id"))
        .isEqualTo("COMPLAINT-" + other);
    Assertions.assertThat(
            processEngine
                .getTaskService()
                .getVariable(
                    taskOf(complaining, "userTask_tellRouted").getId(), "buyerMessageText"))
        .asString()
        .contains("投诉")
        .contains("COMPLAINT-" + other);
    completeAs(complaining, "userTask_tellRouted", "agent1", vars("buyerMessageSent", true));
    assertThat(complaining).isEnded().hasPassed("endEvent_routed");
    Assertions.assertThat(messages(complaining))
        .extracting(SentMessage::purpose, SentMessage::sentBy)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(MessagePurpose.FOLLOW_UP_OUTCOME, "agent1"));
  }

  @Test
  void shouldTryAgainWhenNobodyAnswersThenGiveUp() {
    LocalDate day = freshDay();
    String orderId = signed(day, 3, "浙江省 宁波市");
    followUps.select(day);
    ProcessInstance pi = call("RECEIVED", orderId);
    assertRefused(pi, "userTask_call", vars("reachedAnswer", "NO", "routeTo", "RETURN"))
        .hasMessageContaining("没联系上买家时不能转处理");
    for (int attempt = 1; attempt <= 3; attempt++) {
      completeAs(pi, "userTask_call", "agent1", vars("reachedAnswer", "NO"));
      if (attempt < 3) {
        assertThat(pi).isWaitingAt("timer_callAgain");
        moveClock(Duration.ofHours(2).plusMinutes(1));
        runDueTimers(pi);
      }
    }
    assertThat(pi).isEnded().hasPassed("endEvent_notReached");
    Assertions.assertThat(record(pi.getBusinessKey()))
        .containsEntry("attempts", 3)
        .containsEntry("reached", false)
        .containsEntry("outcome", "NOT_REACHED");
    Assertions.assertThat(messages(pi)).isEmpty();
  }

  // ---------------------------------------------------------------- sampling and sums

  @Test
  void shouldSampleTheShareReproduciblyAndAddUpSatisfaction() {
    LocalDate day = freshDay();
    List<String> caseIds = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      String orderId = signed(day, 3, "浙江省 杭州市");
      jdbc.update(
          "update shop_order set item_title = ? where order_id = ?",
          i % 2 == 0 ? "杯子A" : "杯子B",
          orderId);
      caseIds.add("FOLLOWUP-RECEIVED-" + orderId);
    }
    followUps.select(day);
    for (int i = 0; i < caseIds.size(); i++) {
      ProcessInstance pi =
          processEngine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceBusinessKey(caseIds.get(i))
              .singleResult();
      Map<String, Object> v = satisfied();
      if (i % 5 == 0) {
        v.put("productSatisfaction", "NOT");
        v.put("routeTo", "RETURN");
      }
      completeAs(pi, "userTask_call", i % 2 == 0 ? "agent1" : "agent2", v);
    }
    // the sample is the share (10 % of 25 → 3), the first by the day's hash: reproducible
    List<String> expected = new ArrayList<>(caseIds);
    expected.sort(Comparator.comparing(id -> SpotCheckSampling.rank(day, id)));
    SpotCheckSampling.Sampling sampling = spotChecks.sample(day);
    Assertions.assertThat(sampling.completedCalls()).isEqualTo(25);
    Assertions.assertThat(sampling.callCaseIds()).containsExactlyElementsOf(expected.subList(0, 3));
    Assertions.assertThat(spotChecks.sample(day).sampled()).isZero();
    Assertions.assertThat(
            processEngine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("follow-up-spot-check")
                .variableValueEquals("callCaseId", expected.get(0))
                .count())
        .isEqualTo(1);
    // a different day orders the same calls differently
    Assertions.assertThat(expected)
        .isNotEqualTo(
            caseIds.stream()
                .sorted(Comparator.comparing(id -> SpotCheckSampling.rank(day.plusDays(1), id)))
                .toList());

    List<Satisfaction.Line> byProduct = satisfaction.lines(day, day, Satisfaction.By.PRODUCT);
    Assertions.assertThat(byProduct)
        .extracting(Satisfaction.Line::key)
        .containsExactly("杯子A", "杯子B");
    Satisfaction.Line a = byProduct.get(0);
    Assertions.assertThat(a.reached()).isEqualTo(13);
    Assertions.assertThat(a.product().not()).isEqualTo(3); // calls 0, 10, 20
    Assertions.assertThat(a.product().very()).isEqualTo(10);
    List<Satisfaction.Line> byAgent = satisfaction.lines(day, day, Satisfaction.By.AGENT);
    Assertions.assertThat(byAgent)
        .extracting(Satisfaction.Line::key)
        .containsExactly("agent1", "agent2");
    Assertions.assertThat(satisfaction.lines(day, day, Satisfaction.By.DAY).get(0).reached())
        .isEqualTo(25);
  }
}
