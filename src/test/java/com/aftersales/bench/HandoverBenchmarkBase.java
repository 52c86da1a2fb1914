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
    // warm-up of both paths
    List<Task> warm = openTasks(outgoing, 50);
    handover.handOver(
        new Handover.Request(List.of(outgoing), null, Handover.Target.AGENT, incoming, null, "预热"),
        "supervisor");

    // the baselines run on a stock engine (BareEngine): no listeners or timeline of ours
    ProcessEngine bareEngine =
        BareEngine.start("bench-bare-handover", engine, dataSource, transactions);
    long bareNanos;
    long singleNanos;
    try {
      TaskService bareTasks = bareEngine.getTaskService();
      TransactionTemplate tx = new TransactionTemplate(transactions);
      warm.forEach(t -> bareTasks.setAssignee(t.getId(), incoming));
      // like with like: the handover moves CHUNK tasks per transaction, so does this loop
      List<Task> bare = openTasks(bareFrom, TASKS);
      long bareStart = System.nanoTime();
      for (int i = 0; i < bare.size(); i += CHUNK) {
        List<Task> chunk = bare.subList(i, Math.min(bare.size(), i + CHUNK));
        tx.executeWithoutResult(
            s -> chunk.forEach(t -> bareTasks.setAssignee(t.getId(), incoming)));
      }
      bareNanos = System.nanoTime() - bareStart;
      // and for reference the same loop with one transaction per task
      List<Task> single = openTasks(bareFrom, TASKS);
      long singleStart = System.nanoTime();
      for (Task t : single) {
        bareTasks.setAssignee(t.getId(), incoming);
      }
      singleNanos = System.nanoTime() - singleStart;
    } finally {
      bareEngine.close();
    }

    openTasks(outgoing, TASKS);
    long start = System.nanoTime();
    Handover.Result result =
        handover.handOver(
            new Handover.Request(
                List.of(outgoing), null, Handover.Target.AGENT, incoming, null, "交接班：请优先处理到期的任务"),
            "supervisor");
    long nanos = System.nanoTime() - start;
    assertThat(result.moved()).isEqualTo(TASKS);

    Results.line(
        database(),
        String.format(
            Locale.ROOT,
            "3. handover of %,d tasks with a note vs a bare setAssignee loop batched alike (target"
                + " ≤ 1.25×)",
            TASKS),
        String.format(
            Locale.ROOT,
            "%.2f× a bare setAssignee loop on a stock engine, %d tasks per transaction on both"
                + " sides; handover %.2f s (%.2f ms/task), bare loop %.2f s (%.2f ms/task); the bare"
                + " loop with one transaction per task %.2f s (%.2f ms/task)",
            (double) nanos / bareNanos,
            CHUNK,
            nanos / 1e9,
            nanos / 1e6 / TASKS,
            bareNanos / 1e9,
            bareNanos / 1e6 / TASKS,
            singleNanos / 1e9,
            singleNanos / 1e6 / TASKS));
  }
}
