package com.aftersales.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;

/**
 * Flow-node coverage of one process, counted over the instances a test class started: every process
 * test class asserts its own process reaches the required share. (The process test coverage library
 * writes the HTML reports; its class-level figure mixes called processes in.)
 *
 * <p>The instances are told apart by id, not by start time: tests move the engine's clock (days
 * ahead, or to a fixed instant), so an instance's start time says nothing about when it started on
 * the wall clock.
 */
public final class FlowNodeCoverage {

  private final String processKey;
  private final Set<String> before = new HashSet<>();
  private boolean begun;

  public FlowNodeCoverage(String processKey) {
    this.processKey = processKey;
  }

  /** Notes the instances of the process that exist before the test class starts its own. */
  public void begin(ProcessEngine engine) {
    before.clear();
    before.addAll(instanceIds(engine));
    begun = true;
  }

  private Set<String> instanceIds(ProcessEngine engine) {
    Set<String> ids = new HashSet<>();
    engine
        .getHistoryService()
        .createHistoricProcessInstanceQuery()
        .processDefinitionKey(processKey)
        .list()
        .forEach(pi -> ids.add(pi.getId()));
    return ids;
  }

  public void assertAtLeast(ProcessEngine engine, double share) {
    assertThat(begun).as("FlowNodeCoverage.begin was called before the tests").isTrue();
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
    Set<String> started = instanceIds(engine);
    started.removeAll(before);
    assertThat(started).as("instances of %s started by the test class", processKey).isNotEmpty();
    for (String pi : started) {
      Collection<HistoricActivityInstance> activities =
          history.createHistoricActivityInstanceQuery().processInstanceId(pi).list();
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
