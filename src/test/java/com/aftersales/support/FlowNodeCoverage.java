package com.aftersales.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * Flow-node coverage of one process, counted over the instances a test class started: every process
 * test class asserts its own process reaches the required share. (The process test coverage library
 * writes the HTML reports; its class-level figure mixes called processes in.)
 */
public final class FlowNodeCoverage {

  private final String processKey;
  private final Date since = Date.from(Instant.now().minusSeconds(1));

  public FlowNodeCoverage(String processKey) {
    this.processKey = processKey;
  }

  public void assertAtLeast(ProcessEngine engine, double share) {
    ProcessDefinition definition =
        engine
            .getRepositoryService()
            .createProcessDefinitionQuery()
            .processDefinitionKey(processKey)
            .latestVersion()
            .singleResult();
    BpmnModelInstance model =
        engine.getRepositoryService().getBpmnModelInstance(definition.getId());
    Set<String> all =
        model.getModelElementsByType(FlowNode.class).stream()
            .map(FlowNode::getId)
            .collect(Collectors.toCollection(TreeSet::new));
    HistoryService history = engine.getHistoryService();
    Set<String> covered = new TreeSet<>();
    for (HistoricProcessInstance pi :
        history
            .createHistoricProcessInstanceQuery()
            .processDefinitionKey(processKey)
            .startedAfter(since)
            .list()) {
      Collection<HistoricActivityInstance> activities =
          history.createHistoricActivityInstanceQuery().processInstanceId(pi.getId()).list();
      activities.forEach(a -> covered.add(a.getActivityId()));
    }
    covered.retainAll(all);
    Set<String> missed = new TreeSet<>(all);
    missed.removeAll(covered);
    double ratio = (double) covered.size() / all.size();
    assertThat(ratio)
        .as(
            "flow-node coverage of %s: %d of %d; not reached: %s",
            processKey, covered.size(), all.size(), missed)
        .isGreaterThanOrEqualTo(share);
  }
}
