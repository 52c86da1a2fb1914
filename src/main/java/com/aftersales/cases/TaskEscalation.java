package com.aftersales.cases;

import com.aftersales.base.Roles;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * Escalates a task that is running out of time: supervisors become candidates too, it moves to the
 * top of every list, and a comment says why.
 */
@Component
public class TaskEscalation {

  public static final int ESCALATED_PRIORITY = 90;

  private final TaskService tasks;
  private final CaseTimeline timeline;

  TaskEscalation(TaskService tasks, CaseTimeline timeline) {
    this.tasks = tasks;
    this.timeline = timeline;
  }

  /** Escalates every open task of the execution's process instance. */
  public void escalateOpenTasks(DelegateExecution execution, String why) {
    escalate(execution, null, why);
  }

  public void escalate(DelegateExecution execution, String taskKey, String why) {
    var query = tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId());
    if (taskKey != null) {
      query.taskDefinitionKey(taskKey);
    }
    for (Task task : query.list()) {
      tasks.addCandidateGroup(task.getId(), Roles.SUPERVISORS);
      tasks.setPriority(task.getId(), ESCALATED_PRIORITY);
      tasks.createComment(task.getId(), task.getProcessInstanceId(), why);
    }
    timeline.record(execution, why);
  }
}
