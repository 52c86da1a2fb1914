package com.aftersales.shifts;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.base.InvalidInputException;
import com.aftersales.cases.CaseService;
import com.aftersales.support.ProcessTestBase;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/** One-step shift handover and the end-of-shift release, on a real engine. */
class HandoverTest extends ProcessTestBase {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired Handover handover;
  @Autowired ShiftEndRelease release;
  @Autowired ShiftsConfig shifts;
  @Autowired Roster roster;
  @Autowired CaseService cases;
  @Autowired IdentityService identity;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;
  @Autowired Clock clock;

  private String a1;
  private String a2;
  private String a3;

  @BeforeEach
  void freshAgents() {
    String suffix = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
    a1 = agent("ho1" + suffix);
    a2 = agent("ho2" + suffix);
    a3 = agent("ho3" + suffix);
  }

  private String agent(String id) {
    User u = identity.newUser(id);
    u.setFirstName(id);
    u.setPassword("demo");
    identity.saveUser(u);
    identity.createMembership(id, "agents");
    return id;
  }

  /** Opens {@code n} cases and gives their first task to {@code agent}. */
  private List<String> tasksOf(String agent, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String orderId = orders.create("buyer_h", "20.00", 1);
      String caseId = cases.open("DAMAGE", orderId, "buyer_h", "交接测试").record().caseId();
      Task t = taskService.createTaskQuery().processInstanceBusinessKey(caseId).singleResult();
      taskService.setAssignee(t.getId(), agent);
      ids.add(t.getId());
    }
    return ids;
  }

  private long openOf(String agent) {
    return taskService.createTaskQuery().taskAssignee(agent).count();
  }

  private Handover.Request toAgent(List<String> from, String to, String note) {
    return new Handover.Request(from, null, Handover.Target.AGENT, to, null, note);
  }

  @Test
  void movesEveryOpenTaskToOneAgentWithTheNoteAndNothingTwice() {
    List<String> ids = tasksOf(a1, 3);
    Handover.Result first = handover.handOver(toAgent(List.of(a1), a2, "买家都在等补发单号"), "supervisor");
    assertThat(first.moved()).isEqualTo(3);
    assertThat(first.tasks())
        .allSatisfy(r -> assertThat(r.outcome()).isEqualTo(Handover.Outcome.MOVED));
    assertThat(openOf(a1)).isZero();
    assertThat(openOf(a2)).isEqualTo(3);
    for (String id : ids) {
      assertThat(taskService.getTaskComments(id))
          .anySatisfy(
              c -> assertThat(c.getFullMessage()).contains("买家都在等补发单号").contains(a1 + " → " + a2));
    }
    assertThat(
            jdbc.queryForObject(
                "select count(*) from handover_log where batch_id = ? and moved_by = 'supervisor'",
                Integer.class,
                first.batchId()))
        .isEqualTo(3);

    Handover.Result again = handover.handOver(toAgent(List.of(a1), a2, "再来一次"), "supervisor");
    assertThat(again.moved()).isZero();
    assertThat(again.tasks()).isEmpty();
    assertThat(openOf(a2)).isEqualTo(3);
  }

  @Test
  void spreadsTheWorkEvenlyOverTheIncomingShift() {
    LocalDate week = roster.thisWeek();
    roster.assign(week, a1, "EARLY", "supervisor");
    roster.assign(week, a2, "LATE", "supervisor");
    roster.assign(week, a3, "LATE", "supervisor");
    tasksOf(a2, 1);
    tasksOf(a1, 4);
    Handover.Result r =
        handover.handOver(
            new Handover.Request(null, "EARLY", Handover.Target.SHIFT, null, "LATE", "早班交晚班"),
            "supervisor");
    assertThat(r.moved()).isEqualTo(4);
    assertThat(openOf(a1)).isZero();
    assertThat(openOf(a2) + openOf(a3)).isEqualTo(5);
    assertThat(Math.abs(openOf(a2) - openOf(a3))).isLessThanOrEqualTo(1);
    roster.remove(week, a1);
    roster.remove(week, a2);
    roster.remove(week, a3);
  }

  @Test
  void returnsWorkToTheGroupPool() {
    List<String> ids = tasksOf(a1, 2);
    Handover.Result r =
        handover.handOver(
            new Handover.Request(List.of(a1), null, Handover.Target.POOL, null, null, "下班了，放回任务池"),
            "supervisor");
    assertThat(r.moved()).isEqualTo(2);
    for (String id : ids) {
      Task t = taskService.createTaskQuery().taskId(id).singleResult();
      assertThat(t.getAssignee()).isNull();
      assertThat(taskService.createTaskQuery().taskId(id).taskCandidateGroup("agents").count())
          .isEqualTo(1);
    }
  }

  @Test
  void twoSupervisorsHandingOverAtOnceMoveEveryTaskExactlyOnce() throws Exception {
    tasksOf(a1, 6);
    Callable<Handover.Result> toA2 =
        () -> handover.handOver(toAgent(List.of(a1), a2, "并发一"), "supervisor");
    Callable<Handover.Result> toA3 =
        () -> handover.handOver(toAgent(List.of(a1), a3, "并发二"), "admin");
    var pool = Executors.newFixedThreadPool(2);
    try {
      Future<Handover.Result> f2 = pool.submit(toA2);
      Future<Handover.Result> f3 = pool.submit(toA3);
      Handover.Result r2 = f2.get();
      Handover.Result r3 = f3.get();
      assertThat(r2.moved() + r3.moved()).isEqualTo(6);
      assertThat(openOf(a1)).isZero();
      assertThat(openOf(a2) + openOf(a3)).isEqualTo(6);
      List<Handover.TaskResult> all = new ArrayList<>(r2.tasks());
      all.addAll(r3.tasks());
      assertThat(all)
          .filteredOn(t -> t.outcome() != Handover.Outcome.MOVED)
          .allSatisfy(
              t ->
                  assertThat(t.outcome())
                      .isIn(Handover.Outcome.ALREADY_MOVED, Handover.Outcome.FAILED));
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void reportsATaskCompletedMeanwhileAndCarriesOn() {
    List<String> ids = tasksOf(a1, 4);
    List<Task> listed = taskService.createTaskQuery().taskAssignee(a1).list();
    // meanwhile: one task is completed, another handed to someone else, one put back to the pool
    taskService.complete(ids.get(0), com.aftersales.support.ClaimSteps.evidence());
    taskService.setAssignee(ids.get(1), a3);
    taskService.setAssignee(ids.get(3), null);
    Handover.Result r =
        handover.moveListed(
            listed, java.util.Set.of(a1), Handover.Target.AGENT, List.of(a2), "交接", "supervisor");
    assertThat(r.moved()).isEqualTo(1);
    assertThat(r.tasks())
        .extracting(Handover.TaskResult::taskId, Handover.TaskResult::outcome)
        .contains(
            org.assertj.core.groups.Tuple.tuple(ids.get(0), Handover.Outcome.GONE),
            org.assertj.core.groups.Tuple.tuple(ids.get(1), Handover.Outcome.ALREADY_MOVED),
            org.assertj.core.groups.Tuple.tuple(ids.get(2), Handover.Outcome.MOVED),
            org.assertj.core.groups.Tuple.tuple(ids.get(3), Handover.Outcome.ALREADY_MOVED));
    assertThat(r.tasks())
        .filteredOn(t -> t.taskId().equals(ids.get(3)))
        .extracting(Handover.TaskResult::message)
        .containsExactly("任务已在 任务池 名下");
    assertThat(taskService.createTaskQuery().taskId(ids.get(1)).singleResult().getAssignee())
        .isEqualTo(a3);
    assertThat(taskService.createTaskQuery().taskId(ids.get(3)).singleResult().getAssignee())
        .isNull();
  }

  @Test
  void refusesAHandoverThatCannotBeDone() {
    tasksOf(a1, 1);
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> handover.handOver(toAgent(List.of(a1), a2, " "), "supervisor"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("请填写交接说明");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> handover.handOver(toAgent(List.of(a1), "nobody", "x"), "supervisor"))
        .hasMessageContaining("找不到客服 nobody");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> handover.handOver(toAgent(List.of(a1), a1, "x"), "supervisor"))
        .hasMessageContaining("不能交接给交班的客服本人");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                handover.handOver(
                    new Handover.Request(
                        List.of(a1), null, Handover.Target.SHIFT, null, "NIGHT", "x"),
                    "supervisor"))
        .hasMessageContaining("没有班次");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> handover.handOver(toAgent(List.of(), a2, "x"), "supervisor"))
        .hasMessageContaining("请选择交班的客服");
    assertThat(openOf(a1)).isEqualTo(1);
  }

  @Test
  void onlySupervisorsHandOverAndEditTheRoster() {
    tasksOf(a1, 1);
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String body =
        "{\"fromAgents\":[\""
            + a1
            + "\"],\"target\":\"AGENT\",\"toAgent\":\""
            + a2
            + "\",\"note\":\"交班\"}";
    ResponseEntity<String> asAgent =
        http.withBasicAuth("agent1", "demo")
            .exchange(
                "/api/shifts/handover",
                HttpMethod.POST,
                new HttpEntity<>(body, headers),
                String.class);
    assertThat(asAgent.getStatusCode().value()).isEqualTo(403);
    assertThat(asAgent.getBody()).contains("只有客服主管");
    assertThat(openOf(a1)).isEqualTo(1);
    ResponseEntity<String> asSupervisor =
        http.withBasicAuth("supervisor", "demo")
            .exchange(
                "/api/shifts/handover",
                HttpMethod.POST,
                new HttpEntity<>(body, headers),
                String.class);
    assertThat(asSupervisor.getStatusCode().value()).as(asSupervisor.getBody()).isEqualTo(200);
    assertThat(asSupervisor.getBody()).contains("\"moved\":1").contains("\"outcome\":\"MOVED\"");
    // the move is in the engine's history: who, when, from whom to whom
    assertThat(
            processEngine
                .getHistoryService()
                .createUserOperationLogQuery()
                .userId("supervisor")
                .property("assignee")
                .list())
        .anySatisfy(e -> assertThat(e.getNewValue()).isEqualTo(a2));

    String line =
        "{\"week\":\""
            + LocalDate.now(SHANGHAI)
            + "\",\"userId\":\""
            + a3
            + "\",\"shift\":\"late\"}";
    assertThat(
            http.withBasicAuth("agent1", "demo")
                .exchange(
                    "/api/roster", HttpMethod.PUT, new HttpEntity<>(line, headers), String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    ResponseEntity<String> set =
        http.withBasicAuth("supervisor", "demo")
            .exchange("/api/roster", HttpMethod.PUT, new HttpEntity<>(line, headers), String.class);
    assertThat(set.getStatusCode().value()).isEqualTo(200);
    assertThat(set.getBody()).contains(a3).contains("LATE");
    String bad = "{\"week\":\"23.11.2026\",\"userId\":\"" + a3 + "\",\"shift\":\"LATE\"}";
    assertThat(
            http.withBasicAuth("supervisor", "demo")
                .exchange(
                    "/api/roster", HttpMethod.PUT, new HttpEntity<>(bad, headers), String.class)
                .getStatusCode()
                .value())
        .isEqualTo(400);
    roster.remove(roster.thisWeek(), a3);
  }

  @Test
  void aShiftsLeftoverWorkGoesBackToThePoolWhenItEndsOnce() {
    LocalDate day = LocalDate.now(SHANGHAI).plusDays(30 + (int) (System.nanoTime() % 300));
    roster.assign(Roster.weekOf(day), a1, "EARLY", "supervisor");
    tasksOf(a1, 2);
    var before = release.releaseEnded(day.atTime(14, 59).atZone(SHANGHAI).toInstant());
    assertThat(before).isEmpty();
    assertThat(openOf(a1)).isEqualTo(2);
    var results = release.releaseEnded(day.atTime(15, 1).atZone(SHANGHAI).toInstant());
    assertThat(results).hasSize(1);
    assertThat(results.get(0).moved()).isEqualTo(2);
    assertThat(openOf(a1)).isZero();
    tasksOf(a1, 1);
    assertThat(release.releaseEnded(day.atTime(15, 30).atZone(SHANGHAI).toInstant())).isEmpty();
    assertThat(openOf(a1)).isEqualTo(1);
    roster.remove(Roster.weekOf(day), a1);
  }

  @Test
  void shiftsEndByTheEnginesClock() {
    LocalDate day = LocalDate.now(SHANGHAI).plusDays(800 + (int) (System.nanoTime() % 300));
    roster.assign(Roster.weekOf(day), a1, "EARLY", "supervisor");
    tasksOf(a1, 1);
    ClockUtil.setCurrentTime(Date.from(day.atTime(14, 59).atZone(SHANGHAI).toInstant()));
    assertThat(clock.instant()).isEqualTo(ClockUtil.getCurrentTime().toInstant());
    assertThat(clock.getZone()).isEqualTo(SHANGHAI);
    assertThat(release.releaseEnded()).isEmpty();
    assertThat(openOf(a1)).isEqualTo(1);
    ClockUtil.setCurrentTime(Date.from(day.atTime(15, 0).atZone(SHANGHAI).toInstant()));
    assertThat(release.releaseEnded()).extracting(Handover.Result::moved).containsExactly(1);
    assertThat(openOf(a1)).isZero();
    roster.remove(Roster.weekOf(day), a1);
  }

  @Test
  void aShiftsLeftoverWorkCanGoToTheIncomingShift() {
    LocalDate day = LocalDate.now(SHANGHAI).plusDays(400 + (int) (System.nanoTime() % 300));
    roster.assign(Roster.weekOf(day), a1, "EARLY", "supervisor");
    roster.assign(Roster.weekOf(day), a2, "LATE", "supervisor");
    tasksOf(a1, 2);
    var toIncoming =
        new ShiftEndRelease(
            new ShiftsConfig(
                shifts.definitions(), ShiftsConfig.ReleaseAtEnd.INCOMING, shifts.rotation()),
            roster,
            handover,
            jdbc,
            clock);
    try {
      var results = toIncoming.releaseEnded(day.atTime(15, 0).atZone(SHANGHAI).toInstant());
      assertThat(results).extracting(Handover.Result::moved).contains(2);
      assertThat(openOf(a2)).isEqualTo(2);
    } finally {
      roster.remove(Roster.weekOf(day), a1);
      roster.remove(Roster.weekOf(day), a2);
    }
  }

  @Test
  void theConsoleCountsWorkPerQueueAgentAndDeadlineForSupervisorsOnly() throws Exception {
    List<String> ids = tasksOf(a1, 2);
    taskService.setDueDate(
        ids.get(0), java.util.Date.from(java.time.Instant.now().minusSeconds(3600)));
    ResponseEntity<String> asAgent =
        http.withBasicAuth("agent1", "demo").getForEntity("/api/console/summary", String.class);
    assertThat(asAgent.getStatusCode().value()).isEqualTo(403);
    ResponseEntity<String> r =
        http.withBasicAuth("supervisor", "demo").getForEntity("/api/console/summary", String.class);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.getBody());
    com.fasterxml.jackson.databind.JsonNode mine = null;
    for (var a : json.path("agents")) {
      if (a.path("key").asText().equals(a1)) {
        mine = a;
      }
    }
    assertThat(mine).isNotNull();
    assertThat(mine.path("open").asLong()).isEqualTo(2);
    assertThat(mine.path("overdue").asLong()).isEqualTo(1);
    assertThat(json.path("queues").toString()).contains("售后客服");
    assertThat(json.path("deadlines").toString()).contains("收集买家凭证");
    assertThat(json.path("team").toString()).contains(a1);
    // the page itself and its chart library are served
    assertThat(http.getForEntity("/console/", String.class).getBody()).contains("主管看板");
    assertThat(
            http.getForEntity("/webjars/chart.js/4.5.1/dist/chart.umd.min.js", String.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }
}
