package com.aftersales.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.base.Roles;
import com.aftersales.cases.CaseService;
import com.aftersales.orders.OrderImporter;
import com.aftersales.orders.ReportFixtures;
import com.aftersales.orders.ReportFixtures.Line;
import com.aftersales.support.TestOrders;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Benchmark 7 of the performance issue: fifty agents at once. {@code bench.load.agents} agents (50)
 * work the filter 我组的任务 through the engine's REST API ({@link AgentLoad}) for {@code
 * bench.load.seconds} (300) against {@code bench.queue.open} open tasks (100,000; see {@link
 * OpenWorkSeed}), while {@code bench.load.timers} seeded timers fall due over the run and the
 * application's job executor fires them, and one order import of {@code bench.load.import.rows}
 * rows runs. Reports p50/p95/p99 per action, every answer that was not the expected one, process
 * CPU and database time (pg_stat_statements) per action, and the top methods of a JFR profile of
 * the run; afterwards checks from the database that every completed task was completed once, by its
 * agent, and moved its case exactly once.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"camunda.bpm.job-execution.enabled=true"})
@ActiveProfiles("test")
class PostgresAgentLoadBenchmark {

  static final int OPEN = Integer.getInteger("bench.queue.open", 100_000);
  static final int CLOSED = Integer.getInteger("bench.load.closed", 100_000);
  static final int AGENTS = Integer.getInteger("bench.load.agents", 50);
  static final int SECONDS = Integer.getInteger("bench.load.seconds", 300);
  static final int TIMERS = Integer.getInteger("bench.load.timers", 2_000);
  static final int IMPORT_ROWS = Integer.getInteger("bench.load.import.rows", 10_000);
  static final double INVALID_SHARE = 0.10;

  /** Mean time an agent takes between two actions; 0 plays agents that never stop to read. */
  static final long THINK_MS = Long.getLong("bench.load.think.ms", 0);

  @Autowired ProcessEngine engine;
  @Autowired CaseService cases;
  @Autowired TestOrders orders;
  @Autowired JdbcTemplate jdbc;
  @Autowired DataSource dataSource;
  @Autowired OrderImporter importer;
  @LocalServerPort int port;

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    BenchPostgres.register(registry, "aftersales_bench_load");
  }

  @Test
  void fiftyAgentsAtOnce() throws Exception {
    var executor =
        ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                engine.getProcessEngineConfiguration())
            .getJobExecutor();
    executor.shutdown(); // not while seeding
    new OpenWorkSeed(engine, cases, orders, jdbc, dataSource, true).seed(OPEN, CLOSED, true);
    List<String> agents = agents();
    // timers of copied claims fall due over the run: the 24 h evidence reminders
    int timers =
        jdbc.update(
            "update ACT_RU_JOB set DUEDATE_ = localtimestamp + (random() * ?) * interval '1 second'"
                + " where ID_ in (select ID_ from ACT_RU_JOB where TYPE_ = 'timer'"
                + " and HANDLER_CFG_ like '%timer_evidenceReminder%' and ID_ like '%-%' limit ?)",
            SECONDS * 0.8, TIMERS);
    long jobsBefore = jobCount();
    String filterId =
        engine.getFilterService().createFilterQuery().filterName("我组的任务").singleResult().getId();
    AgentLoad load =
        new AgentLoad(
            "http://localhost:" + port + "/engine-rest", filterId, INVALID_SHARE, THINK_MS);
    // warm up: one agent's cycles for 5 s, not timed; what it completes is checked with the rest
    AgentLoad warmUp = new AgentLoad("http://localhost:" + port + "/engine-rest", filterId, 0, 0);
    warmUp.work(agents.get(0), 0, System.nanoTime() + 5_000_000_000L);

    double dbMsBefore = dbMillis();
    Map<String, double[]> dbBefore = dbByKind();
    var os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Path jfr = Path.of("target", "benchmarks", "agents.jfr");
    Files.createDirectories(jfr.getParent());
    Recording recording = new Recording(Configuration.getConfiguration("profile"));
    recording.setToDisk(true);
    recording.setDestination(jfr);
    double load1Before = os.getSystemLoadAverage();
    long cpuBefore = os.getProcessCpuTime();
    recording.start();
    executor.start();
    long started = System.nanoTime();
    long until = started + SECONDS * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(AGENTS + 1);
    Future<?> importRun = pool.submit(this::importOrders);
    List<Future<?>> running = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      int index = i;
      running.add(pool.submit(() -> load.work(agents.get(index), index, until)));
    }
    for (Future<?> f : running) {
      f.get();
    }
    long elapsed = System.nanoTime() - started;
    long cpu = os.getProcessCpuTime() - cpuBefore;
    double load1After = os.getSystemLoadAverage();
    String imported = (String) importRun.get(10, TimeUnit.MINUTES);
    recording.stop();
    recording.close();
    executor.shutdown();
    pool.shutdown();
    double dbMs = dbMillis() - dbMsBefore;
    String topStatements = topStatements(dbBefore, 6);
    long actions = load.actions.get();

    LoadCheck check = new LoadCheck(jdbc);
    List<AgentLoad.Done> done = new ArrayList<>(warmUp.done);
    done.addAll(load.done);
    String checked = check.verify(done, agents);
    String hot = HotMethods.top(jfr, 3);
    double worstP95 = AgentLoad.ACTIONS.stream().mapToDouble(load::p95).max().orElse(0);
    Results.line(
        BenchPostgres.label(),
        String.format(
            Locale.ROOT,
            "7. %d agents at once through the REST API, %d s, %,d open tasks, %s (target p95 <"
                + " 300 ms per action, no errors but the intended 400s, nothing lost or done twice)",
            AGENTS,
            SECONDS,
            OPEN,
            THINK_MS == 0
                ? "no time between actions"
                : String.format(Locale.ROOT, "%.1f s between actions on average", THINK_MS / 1e3)),
        String.format(
            Locale.ROOT,
            "worst p95 %.0f ms; %s; %,d actions = %.1f/s, %,d tasks completed = %.1f/s;"
                + " intended 400s %,d; other answers %s; races lost (409/404, as Tasklist is told):"
                + " claims %,d, opens %,d; %s;"
                + " process CPU %.2f ms per action (%.0f %% of %d cores), database time %s per"
                + " action; %d timers set due during the run, %,d jobs fewer at the end; %s;"
                + " load average %.1f before, %.1f after; JFR top methods: %s",
            worstP95,
            load.latencies(),
            actions,
            actions / (elapsed / 1e9),
            load.done.size(),
            load.done.size() / (elapsed / 1e9),
            load.intended400.get(),
            load.errors().isEmpty() ? "none" : load.errors(),
            load.claimRaces.get(),
            load.openRaces.get(),
            checked,
            cpu / 1e6 / actions,
            100.0 * cpu / elapsed / Runtime.getRuntime().availableProcessors(),
            Runtime.getRuntime().availableProcessors(),
            Double.isNaN(dbMs)
                ? "n/a (no pg_stat_statements)"
                : String.format(
                    Locale.ROOT, "%.2f ms (the most: %s)", dbMs / actions, topStatements),
            timers,
            jobsBefore - jobCount(),
            imported,
            load1Before,
            load1After,
            hot));
    assertThat(load.done).as("tasks completed").isNotEmpty();
    check.assertHeld();
  }

  private long jobCount() {
    return jdbc.queryForObject("select count(*) from ACT_RU_JOB", Long.class);
  }

  /** Total execution time of the database's statements so far (ms), NaN without the extension. */
  private double dbMillis() {
    if (!BenchPostgres.isServer()) {
      return Double.NaN;
    }
    Double ms =
        jdbc.queryForObject(
            "select coalesce(sum(s.total_exec_time), 0) from pg_stat_statements s"
                + " join pg_database d on d.oid = s.dbid where d.datname = current_database()"
                + " and s.toplevel",
            Double.class);
    return ms;
  }

  /** Database time (ms) and calls per statement kind ({@link DatabaseCounters#kind}), top level. */
  private Map<String, double[]> dbByKind() {
    Map<String, double[]> out = new java.util.HashMap<>();
    if (!BenchPostgres.isServer()) {
      return out;
    }
    jdbc.query(
        "select s.query, s.total_exec_time, s.calls from pg_stat_statements s"
            + " join pg_database d on d.oid = s.dbid where d.datname = current_database()"
            + " and s.toplevel",
        rs -> {
          double[] v =
              out.computeIfAbsent(DatabaseCounters.kind(rs.getString(1)), k -> new double[2]);
          v[0] += rs.getDouble(2);
          v[1] += rs.getLong(3);
        });
    return out;
  }

  /**
   * The statement kinds that took the most database time since {@code before}, with their share.
   */
  private String topStatements(Map<String, double[]> before, int top) {
    Map<String, double[]> now = dbByKind();
    double total =
        now.entrySet().stream()
            .mapToDouble(e -> e.getValue()[0] - before.getOrDefault(e.getKey(), new double[2])[0])
            .sum();
    return now.entrySet().stream()
        .map(
            e -> {
              double[] b = before.getOrDefault(e.getKey(), new double[2]);
              return Map.entry(
                  e.getKey(), new double[] {e.getValue()[0] - b[0], e.getValue()[1] - b[1]});
            })
        .sorted((x, y) -> Double.compare(y.getValue()[0], x.getValue()[0]))
        .limit(top)
        .map(
            e ->
                String.format(
                    Locale.ROOT,
                    "%s %.0f %% (%,.0f calls, %.1f ms each)",
                    e.getKey(),
                    100 * e.getValue()[0] / total,
                    e.getValue()[1],
                    e.getValue()[1] == 0 ? 0 : e.getValue()[0] / e.getValue()[1]))
        .collect(java.util.stream.Collectors.joining(", "));
  }

  /** Users loadagent01…, members of the agents' group (password "demo"). */
  private List<String> agents() {
    var identity = engine.getIdentityService();
    List<String> ids = new ArrayList<>();
    for (int i = 1; i <= AGENTS; i++) {
      String id = String.format(Locale.ROOT, "loadagent%02d", i);
      if (identity.createUserQuery().userId(id).count() == 0) {
        User u = identity.newUser(id);
        u.setFirstName("压测");
        u.setLastName(Integer.toString(i));
        u.setPassword("demo");
        identity.saveUser(u);
        identity.createMembership(id, Roles.AGENTS);
      }
      ids.add(id);
    }
    return ids;
  }

  /** One order import, as the import page starts it; answers what it did. */
  private String importOrders() throws Exception {
    LocalDate day = LocalDate.of(2024, 6, 18);
    List<Line> lines = new ArrayList<>();
    long base = System.nanoTime() % 1_000_000_000L;
    for (int i = 0; i < IMPORT_ROWS; i++) {
      Line l =
          Line.unpaid(
              "5" + base + String.format(Locale.ROOT, "%05d", i),
              "tb_load" + (i % 997),
              day + String.format(Locale.ROOT, " %02d:%02d:%02d", i % 24, i % 60, i % 60));
      lines.add(i % 5 == 0 ? l : l.withStatus("买家已付款，等待卖家发货", day + " 23:00:00", "88.00"));
    }
    byte[] file =
        ReportFixtures.csv(ReportFixtures.NEW_HEADINGS, lines, StandardCharsets.UTF_8, true);
    Thread.sleep(SECONDS * 100L); // a tenth into the run
    long start = System.nanoTime();
    OrderImporter.Started started =
        importer.start(new ByteArrayInputStream(file), "load.csv", "bench");
    started.done().get();
    return String.format(
        Locale.ROOT,
        "order import of %,d rows %.1f s (%,d created)",
        IMPORT_ROWS,
        (System.nanoTime() - start) / 1e9,
        importer.status(started.id()).created());
  }
}
