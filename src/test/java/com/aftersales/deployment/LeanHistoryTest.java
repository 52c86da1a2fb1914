package com.aftersales.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.support.ProcessTestBase;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;

/** Full history without the per-value variable details (application.yaml's aftersales.history). */
class LeanHistoryTest extends ProcessTestBase {

  @Test
  void variablesKeepTheirHistoryWithoutARowPerValue() {
    processEngine
        .getRepositoryService()
        .createDeployment()
        .addModelInstance(
            "lean-history.bpmn",
            Bpmn.createExecutableProcess("leanHistory")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .receiveTask("wait")
                .endEvent()
                .done())
        .deploy();
    var runtime = processEngine.getRuntimeService();
    String id = runtime.startProcessInstanceByKey("leanHistory", Map.of("note", "first")).getId();
    runtime.setVariable(id, "note", "second");
    runtime.setVariable(id, "note", "third");

    var history = processEngine.getHistoryService();
    assertThat(history.createHistoricDetailQuery().processInstanceId(id).count()).isZero();
    var note =
        history
            .createHistoricVariableInstanceQuery()
            .processInstanceId(id)
            .variableName("note")
            .singleResult();
    assertThat(note.getValue()).isEqualTo("third");
    assertThat(
            history
                .createHistoricActivityInstanceQuery()
                .processInstanceId(id)
                .activityId("wait")
                .count())
        .isOne();
  }

  @Test
  void stockSettingsLeaveTheEngineAlone() {
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    new LeanHistory(true, List.of(), List.of()).preInit(configuration);
    assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isTrue();
    assertThat(configuration.getCustomHistoryEventHandlers()).isNullOrEmpty();

    new LeanHistory(true, List.of(), List.of("compensation-standard")).preInit(configuration);
    assertThat(configuration.isEnableDefaultDbHistoryEventHandler()).isFalse();
    assertThat(configuration.getCustomHistoryEventHandlers())
        .hasSize(1)
        .allMatch(LeanHistory.Handler.class::isInstance);
  }
}
