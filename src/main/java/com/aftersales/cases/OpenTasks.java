package com.aftersales.cases;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The open tasks of a case, including those of its reship and refund sub-flows. Everybody who may
 * read the case sees where it stands (for example "waiting for finance"), also in queues that are
 * not theirs to work; working those tasks stays protected by the task authorizations.
 */
@Component
class OpenTasks {

  private final TaskService tasks;
  private final ProcessEngineConfigurationImpl engine;

  OpenTasks(TaskService tasks, ProcessEngineConfiguration engine) {
    this.tasks = tasks;
    this.engine = (ProcessEngineConfigurationImpl) engine;
  }

  /**
   * An open task as the case page shows it: who holds it (or which groups may take it), when due.
   */
  record OpenTask(
      String taskId,
      String name,
      String taskKey,
      String assignee,
      List<String> candidateGroups,
      java.util.Date created,
      java.util.Date due) {}

  List<String> names(String caseId) {
    return open(caseId).stream().map(OpenTasks::describe).toList();
  }

  List<OpenTask> details(String caseId) {
    return engine
        .getCommandExecutorTxRequired()
        .execute(
            context ->
                context.runWithoutAuthorization(
                    () ->
                        open(caseId).stream()
                            .map(
                                t ->
                                    new OpenTask(
                                        t.getId(),
                                        t.getName(),
                                        t.getTaskDefinitionKey(),
                                        t.getAssignee(),
                                        tasks.getIdentityLinksForTask(t.getId()).stream()
                                            .filter(l -> l.getGroupId() != null)
                                            .map(l -> l.getGroupId())
                                            .distinct()
                                            .toList(),
                                        t.getCreateTime(),
                                        t.getDueDate()))
                            .toList()));
  }

  private List<Task> open(String caseId) {
    return engine
        .getCommandExecutorTxRequired()
        .execute(
            context ->
                context.runWithoutAuthorization(
                    () ->
                        tasks
                            .createTaskQuery()
                            .processInstanceBusinessKey(caseId)
                            .orderByTaskCreateTime()
                            .asc()
                            .list()));
  }

  private static String describe(Task t) {
    return t.getName() + (t.getAssignee() == null ? "（待领取）" : "（" + t.getAssignee() + "）");
  }
}
