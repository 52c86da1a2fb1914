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

  List<String> names(String caseId) {
    List<Task> open =
        engine
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
    return open.stream().map(OpenTasks::describe).toList();
  }

  private static String describe(Task t) {
    return t.getName() + (t.getAssignee() == null ? "（待领取）" : "（" + t.getAssignee() + "）");
  }
}
