package com.aftersales.bench;

import static com.aftersales.support.ClaimSteps.alipay;
import static com.aftersales.support.ClaimSteps.damage;
import static com.aftersales.support.ClaimSteps.evidence;
import static com.aftersales.support.ClaimSteps.told;
import static com.aftersales.support.ClaimSteps.transferred;
import static com.aftersales.support.ClaimSteps.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.base.Roles;
import com.aftersales.cases.CaseService;
import com.aftersales.support.TestOrders;
import java.sql.Connection;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AcquireJobsCmd;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmark 2 of the performance issue: the agent's first page and the supervisor console with
 * 100,000 open tasks over the queues and 1,000,000 closed tasks in the history.
 *
 * <p>The open work is real cases at five different steps (three queues), started through the
 * engine, then copied row by row in the engine's tables (executions, tasks, candidate links,
 * variables, timers, event subscriptions, task authorizations) with new ids, a spread of due dates
 * and a third of the tasks assigned to one of 20 agents; the history is copies of the task rows of
 * finished claims. Measured as {@code agent1} (group agents), through the engine's API as Tasklist
 * calls it: the filter 我组的任务 (their groups, unassigned, by due date) first page of 50 with the four
 * case variables the list shows, the counts Tasklist shows beside the agent's four filters, and the
 * console's summary over HTTP as a supervisor; plus one job acquisition poll. Three set-ups side by
 * side: the stock engine schema and configuration, with our indexes (migration V6), and with the
 * task query's process-tasks-only joins (CMMN and standalone tasks off).
 */
abstract class QueuePageBenchmarkBase {

  static final int OPEN = Integer.getInteger("bench.queue.open", 100_000);
  static final int CLOSED = Integer.getInteger("bench.queue.closed", 1_000_000);
  static final int SAMPLES = Integer.getInteger("bench.queue.samples", 200);
  static final List<String> LIST_VARIABLES =
      List.of("caseId", "caseKindLabel", "orderId", "buyerId");

  @Autowired ProcessEngine engine;
  @Autowired CaseService cases;
  @Autowired TestOrders orders;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired TestRestTemplate http;

  abstract String database();

  abstract boolean postgres();

  // ------------------------------------------------------------------ real cases as templates

  <T> T as(String user, String group, Supplier<T> action) {
    return CaseDriver.as(engine, user, group, action);
  }

  String root(String caseId) {
    return CaseDriver.rootInstance(engine, caseId);
  }

  void runJobs(String root) {
    CaseDriver.jobs(engine, root, new CaseDriver.Shape());
  }

  void complete(String caseId, String key, Map<String, Object> values) {
    Task t =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceBusinessKey(caseId)
            .taskDefinitionKey(key)
            .singleResult();
    engine.getTaskService().complete(t.getId(), values);
    runJobs(root(caseId));
  }

  /** A damage claim walked to the task at {@code step}; answers its case id. */
  String claimAt(String step) {
    String orderId = orders.create("bench_q", "100.00", 1);
    String caseId =
        as(
            "agent1",
            Roles.AGENTS,
            () -> cases.open("DAMAGE", orderId, "bench_q", "收到时杯子碎了").record().caseId());
    runJobs(root(caseId));
    if (step.equals("userTask_collectEvidence")) {
      return caseId;
    }
    complete(caseId, "userTask_collectEvidence", evidence());
    complete(caseId, "userTask_checkEvidence", damage("USABLE", 1, false));
    if (step.equals("userTask_offerResolution")) {
      return caseId;
    }
    if (step.equals("userTask_approveResolution")) {
      complete(
          caseId,
          "userTask_offerResolution",
          told(vars("buyerChoice", "ACCEPT_COMPENSATION", "offeredCompensation", 12.0)));
      return caseId;
    }
    complete(
        caseId,
        "userTask_offerResolution",
        told(vars("buyerChoice", "REFUND", "refundAmount", 50.0)));
    // nothing filed on the platform: finance transfers to the account the agent checked
    complete(caseId, "userTask_collectAccount", alipay());
    if (step.equals("userTask_transferRefund")) {
      return caseId;
    }
    complete(caseId, "userTask_transferRefund", transferred());
    return caseId;
  }

  /** A refund of a paid, unshipped order, waiting for the shop's answer. */
  String refundWaiting() {
    String orderId = orders.create("bench_q", "40.00", 1);
    orders.status(orderId, "PAID");
    orders.paidAt(
        orderId, java.time.OffsetDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusHours(30));
    String caseId =
        as(
            "agent1",
            Roles.AGENTS,
            () -> cases.open("REFUND", orderId, "bench_q", "买家申请退款").record().caseId());
    runJobs(root(caseId));
    return caseId;
  }

  // ------------------------------------------------------------------ copying rows

  private String series(int n) {
    return postgres()
        ? "(select generate_series(1, " + n + ") as n) s"
        : "(select x as n from system_range(1, " + n + ")) s";
  }

  private String minutesFromNow(String minutes) {
    return postgres()
        ? "localtimestamp + (" + minutes + ") * interval '1 minute'"
        : "dateadd('MINUTE', " + minutes + ", localtimestamp)";
  }

  private static String in(List<String> ids) {
    return ids.stream().map(id -> "'" + id + "'").collect(Collectors.joining(",", "(", ")"));
  }

  private static final Set<String> ID_COLUMNS =
      Set.of(
          "ID_",
          "EXECUTION_ID_",
          "PROC_INST_ID_",
          "PROCESS_INSTANCE_ID_",
          "PARENT_ID_",
          "SUPER_EXEC_",
          "ROOT_PROC_INST_ID_",
          "TASK_ID_",
          "VAR_SCOPE_",
          "BYTEARRAY_ID_",
          "BUSINESS_KEY_");

  /**
   * Inserts {@code copies} copies of the rows of {@code table} matching {@code where}, every id
   * column given the copy's number as suffix, so copied rows point at each other.
   */
  private long copy(
      Statement sql,
      String table,
      String where,
      int copies,
      Map<String, String> override,
      Set<String> alsoSuffixed)
      throws SQLException {
    List<String> columns = new ArrayList<>();
    try (var rs = sql.executeQuery("select * from " + table + " where 1 = 0")) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        columns.add(md.getColumnName(i).toUpperCase(Locale.ROOT));
      }
    }
    StringJoiner names = new StringJoiner(", ");
    StringJoiner values = new StringJoiner(", ");
    for (String c : columns) {
      names.add(c);
      if (override.containsKey(c)) {
        values.add(override.get(c));
      } else if (ID_COLUMNS.contains(c) || alsoSuffixed.contains(c)) {
        values.add("case when t." + c + " is null then null else t." + c + " || '-' || s.n end");
      } else {
        values.add("t." + c);
      }
    }
    return sql.executeLargeUpdate(
        "insert into "
            + table
            + " ("
            + names
            + ") select "
            + values
            + " from "
            + table
            + " t cross join "
            + series(copies)
            + " where "
            + where);
  }

  /** Copies a case's whole runtime tree {@code copies} times. */
  private void copyCase(Statement sql, String root, int copies) throws SQLException {
    List<String> instances =
        jdbc.queryForList(
            "select ID_ from ACT_RU_EXECUTION where ROOT_PROC_INST_ID_ = ? and ID_ = PROC_INST_ID_",
            String.class,
            root);
    List<String> tasks =
        jdbc.queryForList(
            "select ID_ from ACT_RU_TASK where PROC_INST_ID_ in " + in(instances), String.class);
    assertThat(tasks).as("open tasks of %s", root).hasSize(1);
    String byInstance = "t.PROC_INST_ID_ in " + in(instances);
    copy(
        sql,
        "ACT_RU_EXECUTION",
        "t.ROOT_PROC_INST_ID_ = '" + root + "'",
        copies,
        Map.of(),
        Set.of());
    copy(
        sql,
        "ACT_RU_TASK",
        byInstance,
        copies,
        Map.of(
            "ASSIGNEE_",
            "case when mod(s.n, 3) = 0 then 'agent' || (mod(s.n, 20) + 1) else null end",
            "DUE_DATE_",
            minutesFromNow("mod(s.n * 7, 5760) - 2880")),
        Set.of());
    copy(sql, "ACT_RU_IDENTITYLINK", "t.TASK_ID_ in " + in(tasks), copies, Map.of(), Set.of());
    copy(
        sql,
        "ACT_GE_BYTEARRAY",
        "t.ID_ in (select BYTEARRAY_ID_ from ACT_RU_VARIABLE where PROC_INST_ID_ in "
            + in(instances)
            + ")",
        copies,
        Map.of(),
        Set.of());
    copy(sql, "ACT_RU_VARIABLE", byInstance, copies, Map.of(), Set.of());
    copy(
        sql,
        "ACT_RU_JOB",
        "t.PROCESS_INSTANCE_ID_ in " + in(instances),
        copies,
        Map.of(),
        Set.of());
    copy(sql, "ACT_RU_EVENT_SUBSCR", byInstance, copies, Map.of(), Set.of());
    copy(
        sql,
        "ACT_RU_AUTHORIZATION",
        "t.RESOURCE_ID_ in " + in(tasks),
        copies,
        Map.of(),
        Set.of("RESOURCE_ID_"));
  }

  private void seed() throws Exception {
    Map<String, Integer> share = new LinkedHashMap<>();
    share.put("userTask_collectEvidence", 30);
    share.put("userTask_offerResolution", 30);
    share.put("userTask_transferRefund", 15);
    share.put("userTask_approveResolution", 10);
    share.put("refund", 15);
    Map<String, Integer> templates = new LinkedHashMap<>();
    for (var e : share.entrySet()) {
      String caseId = e.getKey().equals("refund") ? refundWaiting() : claimAt(e.getKey());
      templates.put(root(caseId), OPEN * e.getValue() / 100 - 1);
    }
    List<String> finished = List.of(claimAt("end"), claimAt("end"));
    try (Connection c = dataSource.getConnection();
        Statement sql = c.createStatement()) {
      c.setAutoCommit(false);
      sql.execute(
          postgres()
              ? "set session_replication_role = replica"
              : "set referential_integrity false");
      for (var t : templates.entrySet()) {
        copyCase(sql, t.getKey(), t.getValue());
        c.commit();
      }
      String finishedTasks =
          "t.PROC_INST_ID_ in (select ID_ from ACT_HI_PROCINST where BUSINESS_KEY_ in "
              + in(finished)
              + ")";
      int perCopy =
          jdbc.queryForObject(
              "select count(*) from ACT_HI_TASKINST t where " + finishedTasks, Integer.class);
      copy(sql, "ACT_HI_TASKINST", finishedTasks, CLOSED / perCopy, Map.of(), Set.of());
      sql.execute(
          postgres() ? "set session_replication_role = default" : "set referential_integrity true");
      c.commit();
    }
    if (postgres()) {
      jdbc.execute("analyze");
    }
  }

  // ------------------------------------------------------------------ measuring

  /** A statement that runs longer than this is stopped and reported as such. */
  static final int TIMEOUT_SECONDS = 10;

  record Percentiles(double p50, double p95, double p99, boolean timedOut) {
    @Override
    public String toString() {
      return timedOut
          ? "> " + TIMEOUT_SECONDS + " s (stopped)"
          : String.format(Locale.ROOT, "%.1f/%.1f/%.1f ms", p50, p95, p99);
    }
  }

  /** Up to {@link #SAMPLES} timings, or as many as fit in 20 s (at least 10). */
  static Percentiles measure(Runnable action) {
    double[] ms = new double[SAMPLES];
    int n = 0;
    try {
      for (int i = 0; i < 5; i++) {
        action.run();
      }
      long budget = System.nanoTime() + 20_000_000_000L;
      while (n < SAMPLES && (n < 10 || System.nanoTime() < budget)) {
        long start = System.nanoTime();
        action.run();
        ms[n++] = (System.nanoTime() - start) / 1e6;
      }
    } catch (RuntimeException e) {
      if (!timedOut(e)) {
        throw e;
      }
      return new Percentiles(0, 0, 0, true);
    }
    double[] taken = Arrays.copyOf(ms, n);
    Arrays.sort(taken);
    return new Percentiles(
        taken[(int) (n * 0.50)],
        taken[(int) (n * 0.95)],
        taken[Math.min(n - 1, (int) (n * 0.99))],
        false);
  }

  private static boolean timedOut(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String m = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (m.contains("statement timeout")
          || m.contains("canceling statement")
          || m.contains("cancelled")
          || m.contains("canceled")
          || m.contains("timeout")) {
        return true;
      }
    }
    return false;
  }

  Filter filter(String name) {
    return engine.getFilterService().createFilterQuery().filterName(name).singleResult();
  }

  /** The first page of the agent's group queue with the list's case variables. */
  int firstPage(Filter queue) {
    return as(
        "agent1",
        Roles.AGENTS,
        () -> {
          List<Task> page = engine.getFilterService().listPage(queue.getId(), 0, 50);
          Set<String> scopes = new HashSet<>();
          for (Task t : page) {
            scopes.add(t.getId());
            scopes.add(t.getExecutionId());
            scopes.add(t.getProcessInstanceId());
          }
          int shown =
              engine
                  .getRuntimeService()
                  .createVariableInstanceQuery()
                  .variableScopeIdIn(scopes.toArray(String[]::new))
                  .variableNameIn(LIST_VARIABLES.toArray(String[]::new))
                  .disableBinaryFetching()
                  .list()
                  .size();
          assertThat(page).hasSize(50);
          assertThat(shown).isGreaterThanOrEqualTo(150);
          return page.size();
        });
  }

  long counts(List<Filter> agentFilters) {
    return as(
        "agent1",
        Roles.AGENTS,
        () ->
            agentFilters.stream().mapToLong(f -> engine.getFilterService().count(f.getId())).sum());
  }

  void console() {
    var r =
        http.withBasicAuth("supervisor", "demo").getForEntity("/api/console/summary", String.class);
    assertThat(r.getStatusCode().value()).isEqualTo(200);
  }

  double acquisitionPoll(int samples) {
    ProcessEngineConfigurationImpl cfg =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    var executor = cfg.getJobExecutor();
    double[] ms = new double[samples];
    for (int i = 0; i < samples + 5; i++) {
      long start = System.nanoTime();
      var acquired = cfg.getCommandExecutorTxRequired().execute(new AcquireJobsCmd(executor));
      long nanos = System.nanoTime() - start;
      assertThat(acquired.size()).as("no job is due").isZero();
      if (i >= 5) {
        ms[i - 5] = nanos / 1e6;
      }
    }
    Arrays.sort(ms);
    return ms[samples / 2];
  }

  String setUp(String name, List<Filter> agentFilters, Filter queue) {
    Percentiles page = measure(() -> firstPage(queue));
    Percentiles queueCount = measure(() -> counts(List.of(queue)));
    Percentiles count = measure(() -> counts(agentFilters));
    Percentiles console = measure(this::console);
    double poll = acquisitionPoll(30);
    return String.format(
        Locale.ROOT,
        "%s: page %s, its count %s, the four filters' counts %s, console %s, job poll %.2f ms",
        name,
        page,
        queueCount,
        count,
        console,
        poll);
  }

  private void indexes(boolean create) {
    for (String[] ix :
        List.of(
            new String[] {"AFTERSALES_IDX_JOB_DUEDATE", "ACT_RU_JOB (DUEDATE_)"},
            new String[] {"AFTERSALES_IDX_TASK_DUEDATE", "ACT_RU_TASK (DUE_DATE_)"})) {
      jdbc.execute(
          create
              ? "create index if not exists " + ix[0] + " on " + ix[1]
              : "drop index if exists " + ix[0]);
    }
    if (postgres()) {
      jdbc.execute("analyze ACT_RU_JOB");
      jdbc.execute("analyze ACT_RU_TASK");
    }
  }

  /** The planner statistics of db/vendor/postgresql/V7 (PostgreSQL only). */
  private void statistics(boolean create) throws Exception {
    if (!postgres()) {
      return;
    }
    if (create) {
      String v7 =
          new String(
              getClass()
                  .getResourceAsStream("/db/vendor/postgresql/V7__planner_statistics.sql")
                  .readAllBytes(),
              java.nio.charset.StandardCharsets.UTF_8);
      for (String statement : v7.replaceAll("(?m)^--.*$", "").split(";")) {
        if (!statement.isBlank()) {
          jdbc.execute(statement);
        }
      }
    } else {
      for (String name :
          jdbc.queryForList(
              "select stxname from pg_statistic_ext where stxname like 'aftersales_%'",
              String.class)) {
        jdbc.execute("drop statistics " + name);
      }
      jdbc.execute("analyze act_ru_authorization");
    }
  }

  /**
   * PostgreSQL's defaults ({@code true}: JIT on, generic plans for prepared statements) or the
   * postgres profile's session settings, on every pooled connection (PostgreSQL only).
   */
  private void stockSession(boolean stock) throws SQLException {
    if (postgres()) {
      onEveryConnection(
          stock
              ? "set jit = on; set plan_cache_mode = auto"
              : "set jit = off; set plan_cache_mode = force_custom_plan");
    }
  }

  /** Stops any statement after {@link #TIMEOUT_SECONDS}, or never ({@code false}). */
  private void timeout(boolean on) throws SQLException {
    int ms = on ? TIMEOUT_SECONDS * 1000 : 0;
    onEveryConnection(postgres() ? "set statement_timeout = " + ms : "set query_timeout " + ms);
  }

  /** Runs a session setting on every connection of the pool. */
  private void onEveryConnection(String setting) throws SQLException {
    int size = ((com.zaxxer.hikari.HikariDataSource) dataSource).getMaximumPoolSize();
    List<Connection> all = new ArrayList<>();
    try {
      for (int i = 0; i < size; i++) {
        Connection c = dataSource.getConnection();
        all.add(c);
        try (Statement st = c.createStatement()) {
          st.execute(setting);
        }
      }
    } finally {
      for (Connection c : all) {
        c.close();
      }
    }
  }

  @Test
  void agentPageAndConsoleAtScale() throws Exception {
    long started = System.nanoTime();
    seed();
    double seedSeconds = (System.nanoTime() - started) / 1e9;
    long open = engine.getTaskService().createTaskQuery().count();
    long closed = engine.getHistoryService().createHistoricTaskInstanceQuery().finished().count();
    long timers = engine.getManagementService().createJobQuery().timers().count();
    assertThat(open).isGreaterThanOrEqualTo(OPEN - 10);
    assertThat(closed).isGreaterThanOrEqualTo(CLOSED * 9 / 10);

    Filter queue = filter("我组的任务");
    List<Filter> agentFilters = List.of(filter("我的任务"), queue, filter("现在可以回访"), filter("已逾期"));
    ProcessEngineConfigurationImpl cfg =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    boolean cmmn = cfg.isCmmnEnabled();
    boolean standalone = cfg.isStandaloneTasksEnabled();
    List<String> lines = new ArrayList<>();
    try {
      timeout(true);
      indexes(false);
      statistics(false);
      stockSession(true);
      cfg.setCmmnEnabled(true);
      cfg.setStandaloneTasksEnabled(true);
      lines.add(setUp("(a) stock engine schema and settings", agentFilters, queue));
      indexes(true);
      statistics(true);
      lines.add(
          setUp(
              postgres()
                  ? "(b) with our due-date indexes (V6) and planner statistics (V7)"
                  : "(b) with our due-date indexes (V6)",
              agentFilters,
              queue));
      if (postgres()) {
        stockSession(false);
        lines.add(
            setUp(
                "(c) and the postgres profile's session: JIT off, custom plans",
                agentFilters,
                queue));
      }
      cfg.setCmmnEnabled(false);
      cfg.setStandaloneTasksEnabled(false);
      lines.add(
          setUp(
              "("
                  + (postgres() ? "d" : "c")
                  + ") and process-tasks-only joins (CMMN, standalone tasks off)",
              agentFilters,
              queue));
    } finally {
      timeout(false);
      indexes(true);
      statistics(true);
      stockSession(false);
      cfg.setCmmnEnabled(cmmn);
      cfg.setStandaloneTasksEnabled(standalone);
    }
    Results.line(
        database(),
        String.format(
            Locale.ROOT,
            "2. agent's first page and console at %,d open / %,d closed tasks, %,d timers"
                + " (p50/p95/p99; target page p95 < 50 ms on PostgreSQL)",
            open,
            closed,
            timers),
        String.join("; ", lines) + String.format(Locale.ROOT, " (seeded in %.0f s)", seedSeconds));
  }
}
