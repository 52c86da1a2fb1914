package com.aftersales.base;

import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * A Tasklist filter a feature contributes (a bean of this type): its name and description in
 * Chinese, its place in the list, the case columns it shows, its query, and the groups that see it.
 * The identity set-up creates each once and grants the groups read access.
 */
public record TasklistFilter(
    String name,
    String description,
    int priority,
    List<Column> columns,
    Function<TaskService, TaskQuery> query,
    List<String> groups) {

  /** A column of the task list: a process variable and its heading. */
  public record Column(Variable<?> variable, String label) {}
}
