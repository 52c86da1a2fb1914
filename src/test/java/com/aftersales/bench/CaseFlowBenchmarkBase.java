package com.aftersales.bench;

import static com.aftersales.support.ClaimSteps.alipay;
import static com.aftersales.support.ClaimSteps.damage;
import static com.aftersales.support.ClaimSteps.evidence;
import static com.aftersales.support.ClaimSteps.told;
import static com.aftersales.support.ClaimSteps.transferred;
import static com.aftersales.support.ClaimSteps.vars;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.base.Roles;
import com.aftersales.bench.CaseDriver.Shape;
import com.aftersales.cases.CaseService;
import com.aftersales.support.TestOrders;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.AbstractFlowNodeBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Benchmarks 1 (flow overhead against the bare engine) and 5 (timer storm) of the performance
 * issue, at the history level of the concrete class. Every figure is taken side by side with its
 * baseline in the same run, in alternating rounds; ratios come first.
 *
 * <p>Benchmark 1 completes damage claims end to end through the Java API, as the role's users (an
 * agent opens the case and works the evidence, the check with its DMN table and the offer; finance
 * agrees to the refund; the back office's jobs run as the job executor would), with the registers
 * written and the local shop adapter called. The baseline BPMN is built from the shape one claim
 * actually had: the same number of user tasks, service tasks (doing nothing), timers (never firing)
 * and asynchronous jobs.
 *
 * <p>Benchmark 5 lets the job executor (the application's own settings) fire 10,000 deadlines of
 * the refund flow that fall due at once (the seller's 36 h escalation, then the platform's 48 h
 * automatic refund), against 10,000 no-op timers of a baseline process.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CaseFlowBenchmarkBase {

  static final int THREADS = Integer.getInteger("bench.threads", 4);
  static final int ROUNDS = Integer.getInteger("bench.flow.rounds", 3);
  static final int CASES_PER_ROUND = Integer.getInteger("bench.flow.cases", 200);
  static final int STORM = Integer.getInteger("bench.storm.timers", 10_000);

  @Autowired ProcessEngine engine;
  @Autowired CaseService cases;
  @Autowired TestOrders orders;
  @Autowired JdbcTemplate jdbc;
  @Autowired javax.sql.DataSource dataSource;
  @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

  abstract String database();

  String history() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getHistory();
  }

  String label() {
    return database() + ", history " + history();
  }

  JobExecutor jobExecutor() {
    return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getJobExecutor();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  // ------------------------------------------------------------------ driving cases

  <T> T as(String user, String group, java.util.function.Supplier<T> action) {
    return CaseDriver.as(engine, user, group, action);
  }

  String rootInstance(String businessKey) {
    return CaseDriver.rootInstance(engine, businessKey);
  }

  /** Claims and completes the case's open task at {@code key} as {@code user}. */
  void work(
      String businessKey,
      String key,
      String user,
      String group,
      Map<String, Object> values,
      Shape shape) {
    as(
        user,
        group,
        () -> {
          Task t =
              engine
                  .getTaskService()
                  .createTaskQuery()
                  .processInstanceBusinessKey(businessKey)
                  .taskDefinitionKey(key)
                  .singleResult();
          assertThat(t).as("open task %s of %s", key, businessKey).isNotNull();
          engine.getTaskService().claim(t.getId(), user);
          engine.getTaskService().complete(t.getId(), values);
          return null;
        });
    shape.userTasks++;
    shape.steps += 2;
  }

  void jobs(String rootInstanceId, Shape shape) {
    CaseDriver.jobs(engine, rootInstanceId, shape);
  }

  /** One damage claim, end to end: evidence, check (DMN), refund offer, finance agrees. */
  Shape damageClaim(String orderId, String buyer) {
    Shape shape = new Shape();
    String caseId =
        as(
            "agent1",
            Roles.AGENTS,
            () -> cases.open("DAMAGE", orderId, buyer, "收到时杯子碎了").record().caseId());
    shape.steps++;
    String root = rootInstance(caseId);
    jobs(root, shape);
    work(caseId, "userTask_collectEvidence", "agent1", Roles.AGENTS, evidence(), shape);
    jobs(root, shape);
    work(
        caseId,
        "userTask_checkEvidence",
        "agent1",
        Roles.AGENTS,
        damage("UNUSABLE", 1, false),
        shape);
    jobs(root, shape);
    work(
        caseId,
        "userTask_offerResolution",
        "agent1",
        Roles.AGENTS,
        told(vars("buyerChoice", "REFUND", "refundAmount", 50.0)),
        shape);
    jobs(root, shape);
    // nothing filed on the platform: the buyer's account is checked and finance transfers
    work(caseId, "userTask_collectAccount", "agent1", Roles.AGENTS, alipay(), shape);
    jobs(root, shape);
    work(caseId, "userTask_transferRefund", "finance", Roles.FINANCE, transferred(), shape);
    jobs(root, shape);
    assertThat(
            engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(root).count())
        .as("claim %s ended", caseId)
        .isZero();
    return shape;
  }

  /** The same shape doing nothing: user tasks, no-op service tasks, timers that never fire. */
  static BpmnModelInstance baseline(String key, int userTasks, int services, int timers, int jobs) {
    AbstractFlowNodeBuilder<?, ?> b =
        Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent("start");
    int servicesLeft = services;
    int timersLeft = timers;
    int jobsLeft = jobs;
    for (int u = 0; u < userTasks; u++) {
      int servicesHere = (servicesLeft + (userTasks - u) - 1) / (userTasks - u);
      for (int s = 0; s < servicesHere; s++) {
        var service = b.serviceTask("service_" + u + "_" + s).camundaExpression("${true}");
        if (jobsLeft > 0) {
          service.camundaAsyncBefore();
          jobsLeft--;
        }
        b = service;
      }
      servicesLeft -= servicesHere;
      var task =
          b.userTask("task_" + u)
              .camundaCandidateGroups(u == userTasks - 1 ? Roles.FINANCE : Roles.AGENTS);
      if (jobsLeft > 0 && u == userTasks - 1) {
        task.camundaAsyncBefore();
        jobsLeft--;
      }
      b = task;
      int timersHere = (timersLeft + (userTasks - u) - 1) / (userTasks - u);
      for (int t = 0; t < timersHere; t++) {
        b =
            task.boundaryEvent("timer_" + u + "_" + t)
                .timerWithDuration("P30D")
                .endEvent("timedOut_" + u + "_" + t)
                .<org.camunda.bpm.model.bpmn.builder.UserTaskBuilder>moveToActivity("task_" + u);
      }
      timersLeft -= timersHere;
    }
    return b.endEvent("end").done();
  }

  /** One baseline instance on the bare engine, driven exactly like a claim. */
  Shape baselineCase(ProcessEngine bare, String key, String businessKey, int userTasks) {
    Shape shape = new Shape();
    CaseDriver.as(
        bare,
        "agent1",
        Roles.AGENTS,
        () -> bare.getRuntimeService().startProcessInstanceByKey(key, businessKey));
    shape.steps++;
    String root = CaseDriver.rootInstance(bare, businessKey);
    CaseDriver.jobs(bare, root, shape);
    for (int u = 0; u < userTasks; u++) {
      boolean last = u == userTasks - 1;
      String user = last ? "finance" : "agent1";
      String taskKey = "task_" + u;
      CaseDriver.as(
          bare,
          user,
          last ? Roles.FINANCE : Roles.AGENTS,
          () -> {
            Task t =
                bare.getTaskService()
                    .createTaskQuery()
                    .processInstanceBusinessKey(businessKey)
                    .taskDefinitionKey(taskKey)
                    .singleResult();
            assertThat(t).as("open task %s of %s", taskKey, businessKey).isNotNull();
            bare.getTaskService().claim(t.getId(), user);
            bare.getTaskService().complete(t.getId(), vars("note", "ok"));
            return null;
          });
      shape.userTasks++;
      shape.steps += 2;
      CaseDriver.jobs(bare, root, shape);
    }
    return shape;
  }

  /** Runs {@code n} cases on {@link #THREADS} threads; answers the nanoseconds and the steps. */
  long[] parallel(int n, IntFunction<Shape> oneCase) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    AtomicLong steps = new AtomicLong();
    try {
      long start = System.nanoTime();
      List<Future<?>> running = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        int index = i;
        running.add(pool.submit(() -> steps.addAndGet(oneCase.apply(index).steps)));
      }
      for (Future<?> f : running) {
        f.get();
      }
      return new long[] {System.nanoTime() - start, steps.get()};
    } finally {
      pool.shutdownNow();
    }
  }

  void grantStart(String key) {
    for (String group : List.of(Roles.AGENTS, Roles.FINANCE)) {
      Authorization a =
          engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
      a.setGroupId(group);
      a.setResource(Resources.PROCESS_DEFINITION);
      a.setResourceId(key);
      a.addPermission(ProcessDefinitionPermissions.CREATE_INSTANCE);
      engine.getAuthorizationService().saveAuthorization(a);
    }
  }

  List<String> newOrders(int n, String prefix) {
    List<String> ids = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      ids.add(orders.create(prefix + (i % 50), "50.00", 1));
    }
    return ids;
  }

  /** Hook for the PostgreSQL classes: statements and commits around a measured round. */
  DatabaseCounters counters() {
    return DatabaseCounters.NONE;
  }

  @Test
  @Order(1)
  void flowOverheadAgainstTheBareEngine() throws Exception {
    jobExecutor().shutdown();
    // warm-up, and the shape of one claim
    List<String> warm = newOrders(THREADS * 5, "bench_w");
    Shape shape = damageClaim(warm.get(0), "bench_w0");
    parallel(warm.size() - 1, i -> damageClaim(warm.get(i + 1), "bench_w" + ((i + 1) % 50)));
    int services =
        (int)
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .activityType("serviceTask")
                .count();
    int rules =
        (int)
            engine
                .getHistoryService()
                .createHistoricActivityInstanceQuery()
                .activityType("businessRuleTask")
                .count();
    int servicesPerCase = (services + rules) / warm.size();
    String key = "bench-baseline";
    ProcessEngine bare = BareEngine.start("bench-bare", engine, dataSource, transactions);
    try {
      bare.getRepositoryService()
          .createDeployment()
          .addModelInstance(
              key + ".bpmn",
              baseline(key, shape.userTasks, servicesPerCase, shape.timers.size(), shape.asyncJobs))
          .deploy();
      grantStart(key);
      AtomicLong seq = new AtomicLong();
      parallel(
          THREADS * 5,
          i -> baselineCase(bare, key, "BW-" + seq.incrementAndGet(), shape.userTasks));

      Rounds rounds = new Rounds();
      for (int round = 0; round < ROUNDS; round++) {
        // alternate which side goes first, so neither always meets the warmer caches
        boolean bareFirst = round % 2 == 0;
        for (int side = 0; side < 2; side++) {
          if ((side == 0) == bareFirst) {
            DatabaseCounters.Snapshot before = counters().snapshot();
            long[] r =
                parallel(
                    CASES_PER_ROUND,
                    i -> baselineCase(bare, key, "B-" + seq.incrementAndGet(), shape.userTasks));
            rounds.bare(r, counters().since(before));
          } else {
            List<String> ids = newOrders(CASES_PER_ROUND, "bench_b");
            DatabaseCounters.Snapshot before = counters().snapshot();
            long[] r =
                parallel(CASES_PER_ROUND, i -> damageClaim(ids.get(i), "bench_b" + (i % 50)));
            rounds.ours(r, counters().since(before));
          }
        }
      }
      report(rounds, shape, servicesPerCase);
    } finally {
      bare.close();
    }
  }

  /** The measured rounds of benchmark 1, both sides. */
  static final class Rounds {
    final List<Double> ratios = new ArrayList<>();
    final List<Double> oursRates = new ArrayList<>();
    final List<Double> bareRates = new ArrayList<>();
    long oursNanos;
    long bareNanos;
    long oursSteps;
    long bareSteps;
    DatabaseCounters.Delta oursDb = DatabaseCounters.Delta.ZERO;
    DatabaseCounters.Delta bareDb = DatabaseCounters.Delta.ZERO;

    void bare(long[] r, DatabaseCounters.Delta db) {
      bareNanos += r[0];
      bareSteps += r[1];
      bareDb = bareDb.plus(db);
      bareRates.add(CASES_PER_ROUND / (r[0] / 1e9));
      pair();
    }

    void ours(long[] r, DatabaseCounters.Delta db) {
      oursNanos += r[0];
      oursSteps += r[1];
      oursDb = oursDb.plus(db);
      oursRates.add(CASES_PER_ROUND / (r[0] / 1e9));
      pair();
    }

    /** A round's ratio once both of its sides ran. */
    private void pair() {
      if (oursRates.size() == bareRates.size()) {
        int i = oursRates.size() - 1;
        ratios.add(bareRates.get(i) / oursRates.get(i));
      }
    }

    static String spread(List<Double> values, String format) {
      List<Double> sorted = new ArrayList<>(values);
      java.util.Collections.sort(sorted);
      int n = sorted.size();
      double median =
          n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
      return String.format(
          Locale.ROOT,
          format + " (" + format + "–" + format + ")",
          median,
          sorted.get(0),
          sorted.get(n - 1));
    }
  }

  void report(Rounds r, Shape shape, int servicesPerCase) throws Exception {
    int n = ROUNDS * CASES_PER_ROUND;
    String statements = "";
    if (counters() != DatabaseCounters.NONE) {
      double ours = (double) r.oursDb.statements() / n;
      double bare = (double) r.bareDb.statements() / n;
      statements =
          String.format(
              Locale.ROOT,
              "; statements sent per case %.2f× the bare model's (%.0f vs %.0f; target ≤ 1.3×),"
                  + " besides %.0f vs %.0f the server ran inside them (foreign-key checks),"
                  + " commits %.1f vs %.1f; the largest differences per case (claim vs bare): %s",
              ours / bare,
              ours,
              bare,
              (double) r.oursDb.nested() / n,
              (double) r.bareDb.nested() / n,
              (double) r.oursDb.commits() / n,
              (double) r.bareDb.commits() / n,
              String.join(", ", DatabaseCounters.largestDifferences(r.oursDb, r.bareDb, n, 12)));
    }
    Results.line(
        label(),
        "1. damage claims end to end vs a bare model of the same shape on a stock engine"
            + " (target ≤ 1.25×)",
        String.format(
            Locale.ROOT,
            "%s× the bare model's time per case, median (min–max) of %d rounds in alternating"
                + " order; claims %s/s, bare %s/s (%d cases per round and side, %d threads; shape"
                + " %s, %d service/rule tasks; %.1f vs %.1f transactions per case)%s",
            Rounds.spread(r.ratios, "%.2f"),
            ROUNDS,
            Rounds.spread(r.oursRates, "%.1f"),
            Rounds.spread(r.bareRates, "%.1f"),
            CASES_PER_ROUND,
            THREADS,
            shape,
            servicesPerCase,
            (double) r.oursSteps / n,
            (double) r.bareSteps / n,
            statements));
    if (counters() != DatabaseCounters.NONE) {
      limit(n, r.oursSteps, r.oursNanos, r.oursDb, r.bareSteps, r.bareDb);
    }
  }

  /** Benchmark 6 on the PostgreSQL server: overridden there. */
  void limit(
      int n,
      long oursSteps,
      long oursNanos,
      DatabaseCounters.Delta oursDb,
      long bareSteps,
      DatabaseCounters.Delta bareDb)
      throws Exception {}

  // ------------------------------------------------------------------ timer storm

  int timerJobsDue(String processKey, String activityId) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from ACT_RU_JOB j join ACT_RU_JOBDEF d on d.ID_ = j.JOB_DEF_ID_"
                + " where j.TYPE_ = 'timer' and j.PROCESS_DEF_KEY_ = ? and d.ACT_ID_ = ?"
                + " and j.DUEDATE_ <= ?",
            Integer.class,
            processKey,
            activityId,
            ClockUtil.getCurrentTime());
    return n == null ? 0 : n;
  }

  int jobsLeft(String processKey) {
    Integer n =
        jdbc.queryForObject(
            "select count(*) from ACT_RU_JOB where PROCESS_DEF_KEY_ = ?"
                + " and (DUEDATE_ is null or DUEDATE_ <= ?) and RETRIES_ > 0",
            Integer.class,
            processKey,
            ClockUtil.getCurrentTime());
    return n == null ? 0 : n;
  }

  long jobsSucceeded() {
    engine.getManagementService().reportDbMetricsNow();
    return engine
        .getManagementService()
        .createMetricsQuery()
        .name(org.camunda.bpm.engine.management.Metrics.JOB_SUCCESSFUL)
        .sum();
  }

  /**
   * Moves the clock to {@code at}, lets the job executor work, and answers the seconds until the
   * due timers at {@code activityId} have fired, until all follow-on jobs are done, and how many
   * jobs ran.
   */
  double[] storm(Date at, String processKey, String activityId) throws InterruptedException {
    long jobsBefore = jobsSucceeded();
    ClockUtil.setCurrentTime(at);
    int due = timerJobsDue(processKey, activityId);
    assertThat(due).as("timers due at %s", activityId).isEqualTo(STORM);
    long start = System.nanoTime();
    jobExecutor().start();
    double fired = 0;
    try {
      long deadline = start + Duration.ofMinutes(10).toNanos();
      while (System.nanoTime() < deadline) {
        if (fired == 0 && timerJobsDue(processKey, activityId) == 0) {
          fired = (System.nanoTime() - start) / 1e9;
        }
        if (fired > 0 && jobsLeft(processKey) == 0) {
          break;
        }
        Thread.sleep(20);
      }
    } finally {
      jobExecutor().shutdown();
    }
    double done = (System.nanoTime() - start) / 1e9;
    assertThat(fired).as("all %s timers fired within 10 minutes", activityId).isPositive();
    assertThat(jobsLeft(processKey)).as("follow-on jobs of %s", processKey).isZero();
    return new double[] {fired, done, jobsSucceeded() - jobsBefore};
  }

  /** Deploys process {@code key}, one timer of {@code duration} doing nothing, and starts STORM. */
  private void noOpTimers(String key, String duration) throws Exception {
    engine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            key + ".bpmn",
            Bpmn.createExecutableProcess(key)
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .intermediateCatchEvent("timer_noop")
                .timerWithDuration(duration)
                .endEvent()
                .done())
        .deploy();
    parallel(
        STORM,
        i -> {
          engine.getRuntimeService().startProcessInstanceByKey(key);
          return new Shape();
        });
  }

  @Test
  @Order(2)
  void timerStorm() throws Exception {
    jobExecutor().shutdown();
    Date now = ClockUtil.getCurrentTime();
    // the baseline: timers that do nothing, due 26 h from now
    String key = "bench-timer";
    noOpTimers(key, "PT26H");
    // the same timers for the job executor with the starter's acquisition and pool (3 jobs per
    // acquisition, 3-10 threads; the queue stays as configured: it cannot change at run time),
    // due 24 h from now, two hours before the others
    String starterKey = "bench-timer-starter";
    noOpTimers(starterKey, "PT24H");

    // and with eight threads from the start (core = max = 8; the pool grows past its core only
    // when the queue is full), due 22 h from now (fired at 23 h: the set-up takes its time)
    String wideKey = "bench-timer-wide";
    noOpTimers(wideKey, "PT22H");

    // the refund flow: paid, unshipped orders whose buyers ask for their money back
    List<String> ids = new ArrayList<>(STORM);
    java.time.OffsetDateTime paid =
        java.time.OffsetDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).minusHours(30);
    for (int i = 0; i < STORM; i++) {
      String id = orders.create("bench_s" + (i % 50), "40.00", 1);
      ids.add(id);
    }
    jdbc.update(
        "update shop_order set status = 'PAID', paid_at = ? where buyer_id like 'bench_s%'", paid);
    long setup = System.nanoTime();
    parallel(
        STORM,
        i -> {
          Shape s = new Shape();
          String caseId =
              as(
                  "agent1",
                  Roles.AGENTS,
                  () ->
                      cases
                          .open("REFUND", ids.get(i), "bench_s" + (i % 50), "买家申请退款")
                          .record()
                          .caseId());
          jobs(rootInstance(caseId), s);
          return s;
        });
    double setupSeconds = (System.nanoTime() - setup) / 1e9;
    Date opened = ClockUtil.getCurrentTime();

    double[] starter;
    double[] wide;
    JobExecutor executor = jobExecutor();
    int perAcquisition = executor.getMaxJobsPerAcquisition();
    var pool =
        executor instanceof org.camunda.bpm.engine.spring.components.jobexecutor.SpringJobExecutor s
                && s.getTaskExecutor()
                    instanceof org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor t
            ? t
            : null;
    int core = pool == null ? 0 : pool.getCorePoolSize();
    int max = pool == null ? 0 : pool.getMaxPoolSize();
    try {
      if (pool != null) {
        pool.setMaxPoolSize(8);
        pool.setCorePoolSize(8);
      }
      wide =
          storm(new Date(now.getTime() + Duration.ofHours(23).toMillis()), wideKey, "timer_noop");
      executor.setMaxJobsPerAcquisition(3);
      if (pool != null) {
        pool.setCorePoolSize(3);
        pool.setMaxPoolSize(10);
      }
      starter =
          storm(
              new Date(now.getTime() + Duration.ofHours(25).toMillis()), starterKey, "timer_noop");
    } finally {
      executor.setMaxJobsPerAcquisition(perAcquisition);
      if (pool != null) {
        pool.setMaxPoolSize(Math.max(max, core));
        pool.setCorePoolSize(core);
      }
    }
    String settings =
        String.format(
            Locale.ROOT,
            "%d jobs per acquisition, pool %d-%d, queue %d",
            perAcquisition,
            core,
            max,
            pool == null ? 0 : pool.getQueueCapacity());
    double[] bare =
        storm(new Date(now.getTime() + Duration.ofHours(27).toMillis()), key, "timer_noop");
    double[] escalation =
        storm(
            new Date(opened.getTime() + Duration.ofHours(36).plusMinutes(5).toMillis()),
            "refund",
            "timer_answerEscalation");
    double[] autoRefund =
        storm(
            new Date(opened.getTime() + Duration.ofHours(48).plusMinutes(5).toMillis()),
            "refund",
            "timer_platformAutoRefund");
    assertThat(
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey("refund")
                .count())
        .as("every refund ended with the platform's refund")
        .isZero();
    Results.line(
        label(),
        String.format(
            Locale.ROOT, "5. timer storm: %,d deadlines due at once (target ≥ 400 jobs/s)", STORM),
        String.format(
            Locale.ROOT,
            "refund 36 h escalation %.2f× the no-op timers' time (%.0f timers/s; %.0f jobs in"
                + " %.1f s = %.0f jobs/s, its escalation step included), 48 h platform refund %.2f× (%.0f"
                + " timers/s; %.0f jobs in %.1f s = %.0f jobs/s); no-op timers %.1f s = %.0f/s"
                + " with the application's job executor (%s), %.1f s = %.0f/s with eight threads"
                + " from the start (pool 8-8), %.1f s = %.0f/s with the starter's acquisition and"
                + " pool (3 per acquisition, pool 3-10); setup %.0f refunds/s",
            escalation[0] / bare[0],
            STORM / escalation[0],
            escalation[2],
            escalation[1],
            escalation[2] / escalation[1],
            autoRefund[0] / bare[0],
            STORM / autoRefund[0],
            autoRefund[2],
            autoRefund[1],
            autoRefund[2] / autoRefund[1],
            bare[0],
            STORM / bare[0],
            settings,
            wide[0],
            STORM / wide[0],
            starter[0],
            STORM / starter[0],
            STORM / setupSeconds));
  }
}
