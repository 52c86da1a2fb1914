package com.aftersales.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.context.ApplicationContext;

/** The deployment guard's own check, for tests that look at models without deploying them. */
public final class DeploymentChecks {

  private DeploymentChecks() {}

  /**
   * What the application's {@link DeploymentGuard} would refuse in {@code model}, deployed together
   * with the forms {@code formIds}: one message a problem, naming the element; none when it passes.
   */
  public static List<String> problems(
      ApplicationContext context, BpmnModelInstance model, Set<String> formIds) {
    DeploymentGuard guard = context.getBean(DeploymentGuard.class);
    ProcessEngineConfigurationImpl engine =
        (ProcessEngineConfigurationImpl)
            context.getBean(ProcessEngine.class).getProcessEngineConfiguration();
    List<String> problems = new ArrayList<>();
    // as in a deployment, the guard looks up groups and deployed forms in the engine's transaction
    engine
        .getCommandExecutorTxRequired()
        .execute(
            commandContext -> {
              guard.check(model, formIds, problems);
              return null;
            });
    return problems;
  }
}
