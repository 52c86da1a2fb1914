package com.aftersales.shifts.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.api.Rest;
import com.aftersales.cases.CaseService;
import com.aftersales.support.ClaimSteps;
import com.aftersales.support.DueJobs;
import com.aftersales.support.ProcessTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The day report summed up from a seeded day with the engine's clock held: agent1 opens a refund
 * that finance agrees and works tasks (two left open, one overdue); agent2 calls buyers about
 * unpaid orders, makes follow-up calls and receives a handover. Work the day before does not count.
 * Then the report not submitted by the end of the shift, flagged once.
 */
class DayReportTest extends ProcessTestBase {

  private static final ZoneId SHOP = ZoneId.of("Asia/Shanghai");

  /** A day no other test uses. */
  private static final LocalDate DAY = LocalDate.of(2031, 3, 10);

  @Autowired TestRestTemplate http;
  @Autowired CaseService cases;
  @Autowired TaskService tasks;
  @Autowired IdentityService identity;
  @Autowired JdbcTemplate jdbc;
  @Autowired DayReportWatch watch;

  private static OffsetDateTime at(LocalDate day, int hour, int minute) {
    return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute))
        .atZone(SHOP)
        .toOffsetDateTime();
  }

  private static void clock(OffsetDateTime t) {
    ClockUtil.setCurrentTime(Date.from(t.toInstant()));
  }

  @BeforeEach
  void seedTheDay() {
    // once per database: the PostgreSQL run (a subclass) seeds its own
    if (jdbc.queryForObject(
            "select count(*) from dunning_case where case_id = 'DUNNING-DR1'", Integer.class)
        == 0) {
      seed();
    }
    clock(at(DAY, 18, 0));
  }

  private void seed() {
    clock(at(DAY, 9, 30));
    String orderId = orders.create("tb_dayreport", "30.00", 1);
    orders.status(orderId, "PAID");
    orders.paidAt(orderId, at(DAY, 9, 30).minusHours(30));
    identity.setAuthentication("agent1", List.of("agents"));
    String caseId;
    try {
      caseId =
          cases
              .open("REFUND", orderId, "tb_dayreport", "不想要了", Map.of("refundAmount", 30.0))
              .record()
              .caseId();
    } finally {
      identity.clearAuthentication();
    }
    runJobs(caseId);
    clock(at(DAY, 9, 45));
    work(
        caseId,
        "userTask_retainSale",
        "agent1",
        Map.of("retainOutcome", "REFUND", "retainNote", "买家不想要了"));
    clock(at(DAY, 10, 0));
    work(caseId, "userTask_approveRefund", "finance", ClaimSteps.agree());
    runJobs(caseId);

    standaloneTask("核验凭证", "agent1", at(DAY, 11, 0), null, true);
    standaloneTask("核验凭证", "agent1", at(DAY, 11, 5), null, true);
    standaloneTask("致歉并协商方案", "agent1", at(DAY, 11, 10), null, true);
    standaloneTask("核验凭证", "agent1", at(DAY.minusDays(1), 23, 59), null, true);
    standaloneTask("收集买家凭证", "agent1", at(DAY, 11, 20), at(DAY, 12, 0), false);
    standaloneTask("收集买家凭证", "agent1", at(DAY, 11, 30), at(DAY.plusDays(2), 12, 0), false);

    dunning("DUNNING-DR1", "8800001", at(DAY, 15, 0), "PAID");
    dunningCall("DUNNING-DR1", "8800001", 1, at(DAY.minusDays(1), 23, 59));
    dunningCall("DUNNING-DR1", "8800001", 2, at(DAY, 10, 0));
    dunningCall("DUNNING-DR1", "8800001", 3, at(DAY, 11, 0));
    followUp("FOLLOW_UP-DR1", "8800002", true, "DAMAGE-8800002", at(DAY, 14, 0));
    followUp("FOLLOW_UP-DR2", "8800003", false, null, at(DAY, 14, 30));
    handover("agent2", "MOVED", at(DAY, 13, 0));
    handover("agent2", "MOVED", at(DAY, 13, 0));
    handover("agent2", "FAILED", at(DAY, 13, 0));
    handover("agent2", "MOVED", at(DAY.minusDays(1), 13, 0));
  }

  private void work(String caseId, String taskKey, String user, Map<String, Object> values) {
    Task t =
        tasks
            .createTaskQuery()
            .processInstanceBusinessKey(caseId)
            .taskDefinitionKey(taskKey)
            .singleResult();
    tasks.setAssignee(t.getId(), user);
    tasks.complete(t.getId(), values);
  }

  private void runJobs(String caseId) {
    processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId)
        .list()
        .forEach(pi -> DueJobs.runMessages(processEngine.getManagementService(), pi.getId()));
  }

  private void standaloneTask(
      String name, String assignee, OffsetDateTime at, OffsetDateTime due, boolean done) {
    clock(at);
    Task t = tasks.newTask();
    t.setName(name);
    t.setAssignee(assignee);
    t.setDueDate(due == null ? null : Date.from(due.toInstant()));
    tasks.saveTask(t);
    if (done) {
      tasks.complete(t.getId());
    }
  }

  private void dunning(String caseId, String orderId, OffsetDateTime closed, String outcome) {
    jdbc.update(
        "insert into dunning_case (case_id, order_id, buyer_id, amount, order_created_at, run_date,"
            + " opened_at, closed_at, outcome) values (?,?,?,?,?,?,?,?,?)",
        caseId,
        orderId,
        "tb_dayreport",
        new java.math.BigDecimal("50.00"),
        at(DAY.minusDays(1), 12, 0),
        DAY.minusDays(1),
        at(DAY.minusDays(1), 23, 0),
        closed,
        outcome);
  }

  private void dunningCall(String caseId, String orderId, int attempt, OffsetDateTime at) {
    jdbc.update(
        "insert into dunning_detail (case_id, order_id, buyer_id, amount, run_date, attempt,"
            + " contacted_at, channel, answered_by, result, agent) values (?,?,?,?,?,?,?,?,?,?,?)",
        caseId,
        orderId,
        "tb_dayreport",
        new java.math.BigDecimal("50.00"),
        DAY.minusDays(1),
        attempt,
        at,
        "PHONE",
        "BUYER",
        "PROMISED",
        "agent2");
  }

  private void followUp(
      String caseId, String orderId, boolean reached, String routed, OffsetDateTime at) {
    jdbc.update(
        "insert into follow_up_call (case_id, order_id, scenario, buyer_id, selected_on,"
            + " follow_up_at, attempts, reached, routed_case_id, caller, called_at)"
            + " values (?,?,?,?,?,?,?,?,?,?,?)",
        caseId,
        orderId,
        "RECEIVED",
        "tb_dayreport",
        DAY,
        at,
        1,
        reached,
        routed,
        "agent2",
        at);
  }

  private void handover(String to, String result, OffsetDateTime at) {
    jdbc.update(
        "insert into handover_log (batch_id, task_id, task_name, from_user, to_user, result,"
            + " moved_by, moved_at) values (?,?,?,?,?,?,?,?)",
        "batch-dr",
        "task-dr",
        "核验凭证",
        "agent1",
        to,
        result,
        "supervisor",
        at);
  }

  private JsonNode day(String user, LocalDate date) {
    Rest rest = new Rest(http, user, "demo");
    var r = rest.get("/api/reports/day?date=" + date);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    return rest.json(r);
  }

  private static JsonNode agent(JsonNode day, String agent) {
    for (JsonNode a : day.path("agents")) {
      if (agent.equals(a.path("agent").asText())) {
        return a;
      }
    }
    throw new AssertionError(agent + " not in " + day);
  }

  @ParameterizedTest(name = "{0} {1} = {2}")
  @CsvSource({
    // agent, figure,            expected (from the seeded day above)
    "agent1, tasksDoneTotal,     4",
    "agent1, casesOpened,        1",
    "agent1, casesClosed,        1",
    "agent1, stillOpen,          2",
    "agent1, overdue,            1",
    "agent1, refundsAgreed,      1",
    "agent1, refundAmount,       30.00",
    "agent1, dunningCalls,       0",
    "agent1, handoversReceived,  0",
    "agent2, tasksDoneTotal,     0",
    "agent2, casesOpened,        0",
    "agent2, refundsAgreed,      0",
    "agent2, dunningCalls,       2",
    "agent2, paymentsRecovered,  1",
    "agent2, amountRecovered,    50.00",
    "agent2, followUpCalls,      2",
    "agent2, followUpsReached,   1",
    "agent2, followUpsRouted,    1",
    "agent2, handoversReceived,  2",
  })
  void theSeededDayAddsUp(String agent, String figure, String expected) {
    JsonNode figures = agent(day("supervisor", DAY), agent).path("figures");
    String actual = figures.path(figure).asText();
    if (expected.contains(".")) {
      assertThat(new java.math.BigDecimal(actual)).isEqualByComparingTo(expected);
    } else {
      assertThat(actual).as("%s %s", agent, figure).isEqualTo(expected);
    }
  }

  @Test
  void tasksAreCountedPerKindAndTheRefundCaseClosedThatDay() {
    JsonNode agent1 = agent(day("supervisor", DAY), "agent1");
    assertThat(agent1.path("figures").path("tasksDone").toString())
        .contains("{\"task\":\"核验凭证\",\"count\":2}")
        .contains("{\"task\":\"致歉并协商方案\",\"count\":1}")
        .contains("{\"task\":\"挽留买家（未发货）\",\"count\":1}");
    Integer closedThatDay =
        jdbc.queryForObject(
            "select count(*) from after_sales_case where opened_by = 'agent1' and closed_at >= ?"
                + " and closed_at < ?",
            Integer.class,
            at(DAY, 0, 0),
            at(DAY.plusDays(1), 0, 0));
    assertThat(agent1.path("figures").path("casesClosed").asInt()).isEqualTo(closedThatDay);
    assertThat(agent1.path("name").asText()).isEqualTo("王小美");
  }

  @Test
  void anAgentSeesOnlyTheirOwnDayAndTheDayBeforeIsItsOwn() {
    JsonNode own = day("agent2", DAY);
    assertThat(own.path("agents")).hasSize(1);
    assertThat(own.path("agents").get(0).path("agent").asText()).isEqualTo("agent2");
    JsonNode before = agent(day("supervisor", DAY.minusDays(1)), "agent1").path("figures");
    assertThat(before.path("tasksDoneTotal").asInt()).isEqualTo(1);
    assertThat(
            agent(day("supervisor", DAY.minusDays(1)), "agent2")
                .path("figures")
                .path("dunningCalls")
                .asInt())
        .isEqualTo(1);
  }
}
