package com.aftersales.cases;

import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** The open tasks of a case, including those of its reship and refund sub-flows. */
@Component
class OpenTasks {

  private final TaskService tasks;

  OpenTasks(TaskService tasks) {
    this.tasks = tasks;
  }

  List<String> names(String caseId) {
    return tasks
        .createTaskQuery()
        .processInstanceBusinessKey(caseId)
        .orderByTaskCreateTime()
        .asc()
        .list()
        .stream()
        .map(OpenTasks::describe)
        .toList();
  }

  private static String describe(Task t) {
    return t.getName() + (t.getAssignee() == null ? "（待领取）" : "（" + t.getAssignee() + "）");
  }
}
