package com.aftersales.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.base.Roles;
import com.aftersales.cases.CaseService;
import com.aftersales.identity.AuthorizedGroups;
import com.aftersales.support.TestOrders;
import java.sql.Connection;
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
import java.util.function.Supplier;
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
  @Autowired AuthorizedGroups authorizedGroups;

  abstract String database();

  abstract boolean postgres();

  <T> T as(String user, String group, Supplier<T> action) {
    return CaseDriver.as(engine, user, group, action);
  }

  // ------------------------------------------------------------------ measuring

  /** A statement that runs longer than this is stopped, and reported as failed. */
  static final int TIMEOUT_SECONDS = 10;

  /** Rounds over the set-ups; each round starts at the next set-up (a→d, b→a, …). */
  static final int ROUNDS = Integer.getInteger("bench.queue.rounds", 2);

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

  /**
   * One set-up: the schema, session and engine settings it is measured with. Each set-up sets all
   * of them, so it does not depend on the one before and the order can rotate.
   */
  record SetUp(
      String name,
      boolean indexes,
      boolean statistics,
      boolean stockSession,
      boolean processTasksOnly,
      boolean scanGroups,
      boolean candidateIndexes) {}

  /** The set-ups compared, in the order of the first round; the last is the application's. */
  List<SetUp> setUps() {
    List<SetUp> all = new ArrayList<>();
    all.add(
        new SetUp("(a) stock engine schema and settings", false, false, true, false, true, false));
    all.add(
        new SetUp(
            postgres()
                ? "(b) with our due-date indexes (V6) and planner statistics (V7)"
                : "(b) with our due-date indexes (V6)",
            true,
            true,
            true,
            false,
            true,
            false));
    if (postgres()) {
      all.add(
          new SetUp(
              "(c) and the postgres profile's session: JIT off, custom plans",
              true,
              true,
              false,
              false,
              true,
              false));
    }
    all.add(
        new SetUp(
            "(d) (c) and the task definition key index (V25)",
            true,
            true,
            false,
            false,
            true,
            true));
    all.add(
        new SetUp(
            "(e) (d) and no per-command scan for authorized groups (the application now)",
            true,
            true,
            false,
            false,
            false,
            true));
    return all;
  }

  /** The timings of one set-up, over all rounds. */
  static final class Measured {
    final Timings page = new Timings();
    final Timings queueCount = new Timings();
    final Timings counts = new Timings();
    final Timings console = new Timings();
    final List<Double> polls = new ArrayList<>();

    String line(String name) {
      double poll = polls.stream().sorted().toList().get(polls.size() / 2);
      return String.format(
          Locale.ROOT,
          "%s: page %s, its count %s, the four filters' counts %s, console %s, job poll %.2f ms",
          name,
          page,
          queueCount,
          counts,
          console,
          poll);
    }
  }

  void measure(Measured m, List<Filter> agentFilters, Filter queue) {
    int samples = Math.max(5, SAMPLES / ROUNDS);
    int budget = Math.max(5, 20 / ROUNDS);
    m.page.measure(() -> firstPage(queue), samples, budget);
    m.queueCount.measure(() -> counts(List.of(queue)), samples, budget);
    m.counts.measure(() -> counts(agentFilters), samples, budget);
    m.console.measure(this::console, samples, budget);
    m.polls.add(acquisitionPoll(30));
  }

  void apply(SetUp s) throws Exception {
    indexes(s.indexes());
    statistics(s.statistics());
    stockSession(s.stockSession());
    candidateIndexes(s.candidateIndexes());
    ProcessEngineConfigurationImpl cfg =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    cfg.setCmmnEnabled(!s.processTasksOnly());
    cfg.setStandaloneTasksEnabled(!s.processTasksOnly());
    authorizedGroups.setScan(s.scanGroups());
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

  /** The index of migration V25 on the task definition key (see there), or none. */
  void candidateIndexes(boolean create) {
    jdbc.execute(
        create
            ? "create index if not exists AFTERSALES_IDX_TASK_DEF_KEY on ACT_RU_TASK (TASK_DEF_KEY_)"
            : "drop index if exists AFTERSALES_IDX_TASK_DEF_KEY");
    if (postgres()) {
      jdbc.execute("analyze ACT_RU_TASK");
    }
  }

  /** The planner statistics of db/vendor/postgresql/V7 (PostgreSQL only). */
  private void statistics(boolean create) throws Exception {
    if (!postgres()) {
      return;
    }
    if (create) {
      runScript("/db/vendor/postgresql/V7__planner_statistics.sql");
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

  void runScript(String resource) throws java.io.IOException {
    String script =
        new String(
            getClass().getResourceAsStream(resource).readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    for (String statement : script.replaceAll("(?m)^--.*$", "").split(";")) {
      if (!statement.isBlank()) {
        jdbc.execute(statement);
      }
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
    new OpenWorkSeed(engine, cases, orders, jdbc, dataSource, postgres()).seed(OPEN, CLOSED, false);
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
    List<SetUp> setUps = setUps();
    Map<SetUp, Measured> measured = new LinkedHashMap<>();
    setUps.forEach(s -> measured.put(s, new Measured()));
    List<String> orders = new ArrayList<>();
    try {
      timeout(true);
      for (int round = 0; round < ROUNDS; round++) {
        StringBuilder order = new StringBuilder();
        for (int i = 0; i < setUps.size(); i++) {
          SetUp s = setUps.get((round + i) % setUps.size());
          order.append(s.name(), 1, 2);
          apply(s);
          measure(measured.get(s), agentFilters, queue);
        }
        orders.add(order.toString());
      }
    } finally {
      timeout(false);
      apply(setUps.get(setUps.size() - 1)); // the application's own configuration
      cfg.setCmmnEnabled(cmmn);
      cfg.setStandaloneTasksEnabled(standalone);
    }
    List<String> lines = new ArrayList<>();
    measured.forEach((s, m) -> lines.add(m.line(s.name())));
    Results.line(
        database(),
        String.format(
            Locale.ROOT,
            "2. agent's first page and console at %,d open / %,d closed tasks, %,d timers"
                + " (p50/p95/p99; target page p95 < 50 ms, counts < 200 ms on PostgreSQL)",
            open,
            closed,
            timers),
        String.join("; ", lines)
            + String.format(
                Locale.ROOT,
                " (%d rounds, set-up order %s; a query stopped by the %d s statement timeout or"
                    + " failing otherwise is reported as FAILED; seeded in %.0f s; load average"
                    + " %.1f)",
                ROUNDS,
                String.join(", ", orders),
                TIMEOUT_SECONDS,
                seedSeconds,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                    .getSystemLoadAverage()));
  }
}
