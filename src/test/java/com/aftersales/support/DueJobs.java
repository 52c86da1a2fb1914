package com.aftersales.support;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.JobQuery;

/**
 * The job executor is off in tests and benchmarks: they run a case's jobs themselves, as it would,
 * round after round (a job may leave the next one behind) until a round finds nothing to run.
 */
public final class DueJobs {

  /** More rounds than any flow needs: jobs that keep coming after them are a failure. */
  public static final int ROUNDS = 20;

  private DueJobs() {}

  /**
   * Executes the asynchronous steps due now in a case: its root instance and the flows it called.
   */
  public static void runMessages(ManagementService management, String rootInstanceId) {
    run(
        management,
        () ->
            management
                .createJobQuery()
                .rootProcessInstanceId(rootInstanceId)
                .messages()
                .executable(),
        job -> true,
        ROUNDS);
  }

  /** Executes everything due by the engine's clock in a case, timers included. */
  public static void runAllDue(ManagementService management, String rootInstanceId) {
    run(
        management,
        () -> management.createJobQuery().rootProcessInstanceId(rootInstanceId).executable(),
        job -> true,
        ROUNDS);
  }

  /**
   * Lists jobs with {@code query} and executes those {@code runNow} accepts, round after round,
   * until a round finds none to run. Answers how many ran; fails when jobs still keep coming after
   * {@code rounds} rounds.
   */
  public static int run(
      ManagementService management, Supplier<JobQuery> query, Predicate<Job> runNow, int rounds) {
    int ran = 0;
    for (int round = 0; ; round++) {
      List<Job> due = query.get().list().stream().filter(runNow).toList();
      if (due.isEmpty()) {
        return ran;
      }
      if (round == rounds) {
        throw new AssertionError("jobs keep coming after " + rounds + " rounds: " + due);
      }
      for (Job job : due) {
        management.executeJob(job.getId());
      }
      ran += due.size();
    }
  }
}
