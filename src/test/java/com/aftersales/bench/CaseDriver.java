package com.aftersales.bench;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;

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
    for (int round = 0; round < 50; round++) {
      List<Job> due =
          engine
              .getManagementService()
              .createJobQuery()
              .rootProcessInstanceId(rootInstanceId)
              .list();
      boolean ran = false;
      for (Job j : due) {
        if (j.getDuedate() == null) {
          engine.getManagementService().executeJob(j.getId());
          shape.asyncJobs++;
          shape.steps++;
          ran = true;
        } else {
          shape.timers.add(j.getId());
        }
      }
      if (!ran) {
        return;
      }
    }
  }
}
