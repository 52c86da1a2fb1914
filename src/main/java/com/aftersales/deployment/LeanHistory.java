package com.aftersales.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoricDecisionEvaluationEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.DbHistoryEventHandler;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Full history without the two kinds of rows nobody reads (docs/performance.md):
 *
 * <ul>
 *   <li>{@code aftersales.history.variable-details: false} — no {@code ACT_HI_DETAIL} row for every
 *       value a variable ever had. The variables' history ({@code ACT_HI_VARINST}: every variable
 *       of every case with its last value), the activities, tasks, identity links, comments,
 *       incidents and the user operation log (Cockpit's audit of who changed what) stay complete;
 *       the case timeline and the registers are our own tables. The variables named in {@code
 *       aftersales.history.detail-variables} keep their details: a report reads when they changed
 *       (the day report: when a refund's outcome became "agreed").
 *   <li>{@code aftersales.history.skip-decisions} — decision tables whose evaluation is not kept in
 *       {@code ACT_HI_DECINST} and its inputs/outputs, because the flow stores the result itself
 *       (in a case variable whose history is kept, and on the case's timeline).
 * </ul>
 *
 * <p>With both at their stock values ({@code true}, empty) the engine writes what Camunda's full
 * history writes.
 */
@Component
class LeanHistory extends AbstractProcessEnginePlugin {

  private final boolean variableDetails;
  private final Set<String> detailVariables;
  private final Set<String> skipDecisions;

  LeanHistory(
      @Value("${aftersales.history.variable-details:true}") boolean variableDetails,
      @Value("${aftersales.history.detail-variables:}") List<String> detailVariables,
      @Value("${aftersales.history.skip-decisions:}") List<String> skipDecisions) {
    this.variableDetails = variableDetails;
    this.detailVariables = Set.copyOf(detailVariables);
    this.skipDecisions = Set.copyOf(skipDecisions);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (variableDetails && skipDecisions.isEmpty()) {
      return;
    }
    List<HistoryEventHandler> handlers =
        configuration.getCustomHistoryEventHandlers() == null
            ? new ArrayList<>()
            : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new Handler(variableDetails, detailVariables, skipDecisions));
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(false);
  }

  /** The engine's own database handler, leaving out what the settings name. */
  static final class Handler extends DbHistoryEventHandler {

    private final boolean variableDetails;
    private final Set<String> detailVariables;
    private final Set<String> skipDecisions;

    Handler(boolean variableDetails, Set<String> detailVariables, Set<String> skipDecisions) {
      this.variableDetails = variableDetails;
      this.detailVariables = detailVariables;
      this.skipDecisions = skipDecisions;
    }

    @Override
    protected boolean shouldWriteHistoricDetail(HistoricVariableUpdateEventEntity event) {
      return (variableDetails || detailVariables.contains(event.getVariableName()))
          && super.shouldWriteHistoricDetail(event);
    }

    @Override
    protected void insertHistoricDecisionEvaluationEvent(HistoricDecisionEvaluationEvent event) {
      var root = event.getRootHistoricDecisionInstance();
      if (root != null && skipDecisions.contains(root.getDecisionDefinitionKey())) {
        return;
      }
      super.insertHistoricDecisionEvaluationEvent(event);
    }
  }
}
