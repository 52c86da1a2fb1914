package com.aftersales.bench;

import com.aftersales.support.DueJobs;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;

/** How the benchmarks drive cases: as a role's user, and the back office's jobs as the executor. */
final class CaseDriver {

  private CaseDriver() {}

  /** What one case cost the driver: its transactions and what the engine made it do. */
  static final class Shape {
    int userTasks;
    int asyncJobs;
    final Set<String> timers = new HashSet<>();
    int steps;

    @Override
    public String toString() {
      return userTasks + " user tasks, " + timers.size() + " timers, " + asyncJobs + " async jobs";
    }
  }

  static <T> T as(ProcessEngine engine, String user, String group, Supplier<T> action) {
    engine.getIdentityService().setAuthentication(user, List.of(group));
    try {
      return action.get();
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  /** The case's own process instance (not its called refunds or reshipments). */
  static String rootInstance(ProcessEngine engine, String businessKey) {
    return engine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey)
        .list()
        .stream()
        .filter(p -> p.getRootProcessInstanceId().equals(p.getId()))
        .findFirst()
        .orElseThrow()
        .getId();
  }

  /** Runs the case's due asynchronous jobs, as the job executor would, and notes its timers. */
  static void jobs(ProcessEngine engine, String rootInstanceId, Shape shape) {
    var management = engine.getManagementService();
    int ran =
        DueJobs.run(
            management,
            () -> management.createJobQuery().rootProcessInstanceId(rootInstanceId),
            job -> {
              if (job.getDuedate() == null) {
                return true;
              }
              shape.timers.add(job.getId());
              return false;
            },
            50);
    shape.asyncJobs += ran;
    shape.steps += ran;
  }
}
