package com.aftersales.cases;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Writes the case timeline; delegates call it for the steps they perform. */
@Component
public class CaseTimeline {

  private final CaseRepository cases;
  private final Clock clock;

  CaseTimeline(CaseRepository cases, Clock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  public void record(String caseId, String step, String stepName, String actor, String detail) {
    if (caseId == null) {
      return;
    }
    cases.addEvent(caseId, new CaseEvent(OffsetDateTime.now(clock), step, stepName, actor, detail));
  }

  /** Records a step of a running flow under its case (the business key). */
  public void record(DelegateExecution execution, String detail) {
    record(
        execution.getProcessBusinessKey(),
        execution.getCurrentActivityId(),
        execution.getCurrentActivityName(),
        currentUser(execution),
        detail);
  }

  /** The user on whose behalf the engine is working now, or null for jobs and timers. */
  static String currentUser(VariableScope scope) {
    if (scope instanceof DelegateExecution execution) {
      Authentication auth =
          execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      return auth == null ? null : auth.getUserId();
    }
    return null;
  }

  /** Who is completing a task: the signed-in user, else its assignee. */
  public static String actor(org.camunda.bpm.engine.delegate.DelegateTask task) {
    Authentication auth =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null ? auth.getUserId() : task.getAssignee();
  }
}
