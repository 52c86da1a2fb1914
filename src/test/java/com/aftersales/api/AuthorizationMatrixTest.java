package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.cases.CaseService;
import com.aftersales.support.ProcessTestBase;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

/**
 * Who may do what, role by role, through the REST APIs people and scripts use. Each row is a fresh
 * case, so one row cannot lean on another.
 */
class AuthorizationMatrixTest extends ProcessTestBase {

  @Autowired TestRestTemplate http;
  @Autowired CaseService cases;
  @Autowired TaskService tasks;

  private int status(String user, HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    TestRestTemplate client = user.equals("anonymous") ? http : http.withBasicAuth(user, "demo");
    return client
        .exchange(path, method, new HttpEntity<>(body, headers), String.class)
        .getStatusCode()
        .value();
  }

  /** Opens a case of {@code kind} on a fresh order: the answer's status. */
  private int openCase(String user, String kind, String description, String moreJson) {
    String orderId = orders.create("buyer_auth", "30.00", 1);
    return status(
        user,
        HttpMethod.POST,
        "/api/cases",
        "{\"kind\":\""
            + kind
            + "\",\"orderId\":\""
            + orderId
            + "\",\"buyerId\":\"buyer_auth\",\"description\":\""
            + description
            + "\""
            + moreJson
            + "}");
  }

  /** Reports a fresh order paid to {@code path} (the refund desk's or dunning's events). */
  private int reportPaid(String user, String path) {
    String orderId = orders.create("buyer_auth", "30.00", 1);
    return status(
        user, HttpMethod.POST, path, "{\"orderId\":\"" + orderId + "\",\"type\":\"PAID\"}");
  }

  /** A damage case waiting at the agents' first task; returns that task's id. */
  private String agentsTask() {
    String orderId = orders.create("buyer_auth", "30.00", 1);
    String caseId = cases.open("DAMAGE", orderId, "buyer_auth", "权限测试").record().caseId();
    return tasks.createTaskQuery().processInstanceBusinessKey(caseId).singleResult().getId();
  }

  @ParameterizedTest(name = "{0} {1}: {2}")
  @CsvSource({
    // user,      action,                 expected
    "agent1,      open a case,            201",
    "supervisor,  open a case,            201",
    "warehouse,   open a case,            403",
    "finance,     open a case,            403",
    "anonymous,   open a case,            401",
    "agent1,      see the agents' task,   200",
    "supervisor,  see the agents' task,   200",
    "warehouse,   see the agents' task,   404",
    "finance,     see the agents' task,   404",
    "anonymous,   see the agents' task,   401",
    "agent1,      claim the agents' task, 204",
    "warehouse,   claim the agents' task, 403",
    "finance,     claim the agents' task, 403",
    "agent2,      give it to someone,     403",
    "supervisor,  give it to someone,     204",
    "supervisor,  hand a shift over,      200",
    "agent1,      hand a shift over,      403",
    "owner,       hand a shift over,      403",
    "agent1,      read a register,        200",
    "finance,     read a register,        200",
    "anonymous,   read a register,        401",
    "supervisor,  export a register,      200",
    "anonymous,   export a register,      401",
    "supervisor,  see the console,        200",
    "agent1,      see the console,        403",
    "owner,       list processes,         200",
    "supervisor,  list processes,         403",
    "anonymous,   list deployments,       401",
    "owner,       list deployments,       200",
    "finance,     agree refunds in bulk,  200",
    "supervisor,  agree refunds in bulk,  403",
    "agent1,      agree refunds in bulk,  403",
    "anonymous,   agree refunds in bulk,  401",
    "finance,     list pending refunds,   200",
    "supervisor,  list pending refunds,   200",
    "agent1,      list pending refunds,   403",
    "backoffice,  report a refund event,  200",
    "finance,     report a refund event,  403",
    "supervisor,  report a refund event,  403",
    "agent1,      report a refund event,  403",
    "warehouse,   report a refund event,  403",
    "anonymous,   report a refund event,  401",
    "backoffice,  open a case,            403",
    "backoffice,  see the agents' task,   404",
    "agent1,      open a refund,          201",
    "agent1,      import orders,          202",
    "supervisor,  import orders,          202",
    "warehouse,   import orders,          403",
    "finance,     import orders,          403",
    "anonymous,   import orders,          401",
    "agent1,      run dunning,            200",
    "finance,     run dunning,            403",
    "backoffice,  report an order paid,   200",
    "agent1,      report an order paid,   403",
    "supervisor,  read the dunning sums,  200",
    "supervisor,  select follow-up calls, 200",
    "agent1,      select follow-up calls, 403",
    "supervisor,  sample spot checks,     200",
    "agent1,      sample spot checks,     403",
    "agent1,      declare a stock-out,    200",
    "warehouse,   declare a stock-out,    403",
    "agent1,      read satisfaction,      200",
    "finance,     read satisfaction,      403",
    "agent1,      open a complaint,       201",
    "warehouse,   read the dunning sums,  403",
    "warehouse,   open a refund,          403",
    "agent1,      open a price drop,      201",
    "supervisor,  open a price drop,      201",
    "warehouse,   open a price drop,      403",
    "finance,     open a price drop,      403",
    "anonymous,   open a price drop,      401",
  })
  void roleAction(String user, String action, int expected) {
    String task = agentsTask();
    int actual =
        switch (action) {
          case "open a case" -> openCase(user, "DAMAGE", "x", "");
          case "see the agents' task" ->
              status(user, HttpMethod.GET, "/engine-rest/task/" + task, null);
          case "claim the agents' task" ->
              status(
                  user,
                  HttpMethod.POST,
                  "/engine-rest/task/" + task + "/claim",
                  "{\"userId\":\"" + user + "\"}");
          case "give it to someone" ->
              status(
                  user,
                  HttpMethod.POST,
                  "/engine-rest/task/" + task + "/assignee",
                  "{\"userId\":\"agent1\"}");
          case "hand a shift over" ->
              status(
                  user,
                  HttpMethod.POST,
                  "/api/shifts/handover",
                  "{\"fromAgents\":[\"nobody-on-shift\"],\"target\":\"POOL\",\"note\":\"矩阵测试\"}");
          case "read a register" ->
              status(user, HttpMethod.GET, "/api/registers/cases?size=1", null);
          case "export a register" ->
              status(
                  user, HttpMethod.GET, "/api/registers/cases/export.xlsx?from=2026-01-01", null);
          case "agree refunds in bulk" ->
              status(
                  user,
                  HttpMethod.POST,
                  "/api/refunds/approvals",
                  "{\"items\":[{\"taskId\":\"no-such-task\"}]}");
          case "list pending refunds" ->
              status(user, HttpMethod.GET, "/api/refunds/pending?size=5", null);
          case "report a refund event" -> reportPaid(user, "/api/refunds/events");
          case "open a refund" -> openCase(user, "REFUND", "x", ",\"refundAmount\":10");
          case "import orders" -> {
            byte[] report =
                com.aftersales.orders.ReportFixtures.csv(
                    com.aftersales.orders.ReportFixtures.NEW_HEADINGS,
                    java.util.List.of(
                        com.aftersales.orders.ReportFixtures.Line.unpaid(
                            "8" + System.nanoTime() % 1_000_000_000L,
                            "tb_auth",
                            "2026-11-22 10:00:00")),
                    java.nio.charset.StandardCharsets.UTF_8,
                    true);
            Rest client =
                user.equals("anonymous")
                    ? new Rest(http, null, null)
                    : new Rest(http, user, "demo");
            yield client.upload("/api/orders/import", "orders.csv", report).getStatusCode().value();
          }
          case "run dunning" ->
              status(user, HttpMethod.POST, "/api/dunning/runs", "{\"date\":\"2020-01-01\"}");
          case "report an order paid" -> reportPaid(user, "/api/dunning/events");
          case "read the dunning sums" ->
              status(
                  user, HttpMethod.GET, "/api/dunning/summary?from=2020-01-01&to=2020-01-02", null);
          case "select follow-up calls" ->
              status(user, HttpMethod.POST, "/api/follow-ups/runs", "{\"date\":\"2020-01-01\"}");
          case "sample spot checks" ->
              status(
                  user,
                  HttpMethod.POST,
                  "/api/follow-ups/spot-checks/runs",
                  "{\"date\":\"2020-01-01\"}");
          case "declare a stock-out" ->
              status(
                  user,
                  HttpMethod.POST,
                  "/api/follow-ups/stock-outs",
                  "{\"itemTitle\":\"矩阵测试商品\"}");
          case "read satisfaction" ->
              status(user, HttpMethod.GET, "/api/follow-ups/satisfaction?by=agent", null);
          case "open a complaint" -> openCase(user, "COMPLAINT", "态度差", "");
          case "open a price drop" ->
              openCase(
                  user,
                  "PRICE_DROP",
                  "降价了",
                  ",\"newPrice\":20,\"priceCutDate\":\""
                      + java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1)
                      + "\"");
          case "see the console" -> status(user, HttpMethod.GET, "/api/console/summary", null);
          case "list processes" -> status(user, HttpMethod.GET, "/api/processes", null);
          case "list deployments" ->
              status(user, HttpMethod.GET, "/engine-rest/deployment?maxResults=1", null);
          default -> throw new IllegalArgumentException(action);
        };
    assertThat(actual).as("%s may %s", user, action).isEqualTo(expected);
  }
}
