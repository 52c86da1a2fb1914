package com.aftersales.shifts;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.camunda.bpm.engine.TaskService;

/** Hands work to the receiver with the least open work, counting what each has been handed. */
final class Workloads {

  private record Load(String user, long[] open) {}

  private final PriorityQueue<Load> queue =
      new PriorityQueue<>(
          Comparator.<Load>comparingLong(l -> l.open()[0]).thenComparing(Load::user));

  Workloads(TaskService tasks, List<String> receivers) {
    for (String r : new java.util.LinkedHashSet<>(receivers)) {
      queue.add(new Load(r, new long[] {tasks.createTaskQuery().taskAssignee(r).count()}));
    }
  }

  /** The receiver for the next task. */
  String next() {
    Load least = queue.poll();
    least.open()[0]++;
    queue.add(least);
    return least.user();
  }
}
