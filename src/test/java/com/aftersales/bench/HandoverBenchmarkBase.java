package com.aftersales.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.shifts.Handover;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark 3 of the performance issue: a shift handover of 1,000 open tasks with a note in one
 * call, against a bare {@code setAssignee} loop over 1,000 other tasks, side by side in the same
 * run. The baseline runs on a stock engine (no listeners of ours) and moves the same number of
 * tasks per transaction as the handover does. Reported: the ratio first, then the absolute times
 * and the cost per task.
 */
abstract class HandoverBenchmarkBase {

  static final int TASKS = Integer.getInteger("bench.handover.tasks", 1_000);

  /** Rounds per side, the order alternating. */
  static final int ROUNDS = Integer.getInteger("bench.handover.rounds", 3);

  /** Tasks per transaction, as {@link Handover} moves them. */
  static final int CHUNK = 50;

  @Autowired Handover handover;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired RepositoryService repository;
  @Autowired IdentityService identity;
  @Autowired ProcessEngine engine;
  @Autowired DataSource dataSource;
  @Autowired PlatformTransactionManager transactions;

  abstract String database();

  /** Hook for PostgreSQL: the statements around each measured side. */
  DatabaseCounters counters() {
    return DatabaseCounters.NONE;
  }

  private void user(String id) {
    if (identity.createUserQuery().userId(id).count() == 0) {
      User u = identity.newUser(id);
      u.setPassword("demo");
      identity.saveUser(u);
      identity.createMembership(id, "agents");
    }
  }

  /** {@code n} open tasks of a one-task process, assigned to {@code agent}. */
  private List<Task> openTasks(String agent, int n) {
    for (int i = 0; i < n; i++) {
      runtime.startProcessInstanceByKey("bench-one-task");
    }
    List<Task> open =
        tasks.createTaskQuery().processDefinitionKey("bench-one-task").taskUnassigned().list();
    open.forEach(t -> tasks.setAssignee(t.getId(), agent));
    return open;
  }

  @Test
  void handoverOfAThousandTasks() {
    repository
        .createDeployment()
        .addModelInstance(
            "bench-one-task.bpmn",
            Bpmn.createExecutableProcess("bench-one-task")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("bench_task")
                .camundaCandidateGroups("agents")
                .endEvent()
                .done())
        .deploy();
    String suffix = Long.toString(System.nanoTime() % 1_000_000L, 36);
    String outgoing = "benchout" + suffix;
    String incoming = "benchin" + suffix;
    String bareFrom = "benchbare" + suffix;
    for (String u : List.of(outgoing, incoming, bareFrom)) {
      user(u);
    }
    // the baselines run on a stock engine (BareEngine): no listeners or timeline of ours
    ProcessEngine bareEngine =
        BareEngine.start("bench-bare-handover", engine, dataSource, transactions);
    List<Double> ratios = new java.util.ArrayList<>();
    List<Double> ours = new java.util.ArrayList<>();
    List<Double> bares = new java.util.ArrayList<>();
    List<Double> singles = new java.util.ArrayList<>();
    DatabaseCounters.Delta oursDb = DatabaseCounters.Delta.ZERO;
    DatabaseCounters.Delta bareDb = DatabaseCounters.Delta.ZERO;
    try {
      TaskService bareTasks = bareEngine.getTaskService();
      TransactionTemplate tx = new TransactionTemplate(transactions);
      // warm-up of every path, so that no side pays the JIT or the caches for the other
      handOver(outgoing, incoming, openTasks(outgoing, 100).size());
      bareBatched(bareTasks, tx, openTasks(bareFrom, 100), incoming);
      bareSingle(bareTasks, openTasks(bareFrom, 100), incoming);
      for (int round = 0; round < ROUNDS; round++) {
        // the order alternates: the handover first in even rounds, the bare loop in odd ones
        long handoverNanos = 0;
        long bareNanos = 0;
        for (int side = 0; side < 2; side++) {
          if ((side == 0) == (round % 2 == 0)) {
            openTasks(outgoing, TASKS);
            DatabaseCounters.Snapshot before = counters().snapshot();
            handoverNanos = handOver(outgoing, incoming, TASKS);
            oursDb = oursDb.plus(counters().since(before));
          } else {
            // like with like: the handover moves CHUNK tasks per transaction, so does this loop
            List<Task> open = openTasks(bareFrom, TASKS);
            DatabaseCounters.Snapshot before = counters().snapshot();
            bareNanos = bareBatched(bareTasks, tx, open, incoming);
            bareDb = bareDb.plus(counters().since(before));
          }
        }
        // and for reference the same loop with one transaction per task
        singles.add(bareSingle(bareTasks, openTasks(bareFrom, TASKS), incoming) / 1e6 / TASKS);
        ours.add(handoverNanos / 1e6 / TASKS);
        bares.add(bareNanos / 1e6 / TASKS);
        ratios.add((double) handoverNanos / bareNanos);
      }
    } finally {
      bareEngine.close();
    }

    String statements = "";
    if (counters() != DatabaseCounters.NONE) {
      statements =
          DatabaseCounters.comparison(
              oursDb, bareDb, ROUNDS * TASKS, "task", "handover vs bare", 8);
    }
    Results.line(
        database(),
        String.format(
            Locale.ROOT,
            "3. handover of %,d tasks with a note vs a bare setAssignee loop batched alike (target"
                + " ≤ 1.25×)",
            TASKS),
        String.format(
            Locale.ROOT,
            "%s× a bare setAssignee loop on a stock engine, median (min–max) of %d rounds in"
                + " alternating order, %d tasks per transaction on both sides; handover %s"
                + " ms/task, bare loop %s ms/task; the bare loop with one transaction per task %s"
                + " ms/task%s",
            CaseFlowBenchmarkBase.Rounds.spread(ratios, "%.2f"),
            ROUNDS,
            CHUNK,
            CaseFlowBenchmarkBase.Rounds.spread(ours, "%.2f"),
            CaseFlowBenchmarkBase.Rounds.spread(bares, "%.2f"),
            CaseFlowBenchmarkBase.Rounds.spread(singles, "%.2f"),
            statements));
  }

  /** Hands {@code n} open tasks of {@code from} over to {@code to}; the time it took. */
  private long handOver(String from, String to, int n) {
    long start = System.nanoTime();
    Handover.Result result =
        handover.handOver(
            new Handover.Request(
                List.of(from), null, Handover.Target.AGENT, to, null, "交接班：请优先处理到期的任务"),
            "supervisor");
    long nanos = System.nanoTime() - start;
    assertThat(result.moved()).isEqualTo(n);
    return nanos;
  }

  /** The bare reassignment loop, CHUNK tasks per transaction; the time it took. */
  private static long bareBatched(
      TaskService bareTasks, TransactionTemplate tx, List<Task> open, String to) {
    long start = System.nanoTime();
    for (int i = 0; i < open.size(); i += CHUNK) {
      List<Task> chunk = open.subList(i, Math.min(open.size(), i + CHUNK));
      tx.executeWithoutResult(s -> chunk.forEach(t -> bareTasks.setAssignee(t.getId(), to)));
    }
    return System.nanoTime() - start;
  }

  /** The bare reassignment loop, one transaction per task; the time it took. */
  private static long bareSingle(TaskService bareTasks, List<Task> open, String to) {
    long start = System.nanoTime();
    open.forEach(t -> bareTasks.setAssignee(t.getId(), to));
    return System.nanoTime() - start;
  }
}
