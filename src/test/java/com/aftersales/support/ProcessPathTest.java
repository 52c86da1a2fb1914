package com.aftersales.support;

import com.aftersales.cases.CaseKind;
import com.aftersales.cases.CaseRepository;
import com.aftersales.cases.CaseService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Base of the one-class-per-model process tests: after the class, the model's own flow-node
 * coverage must reach 90 %.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ProcessPathTest extends ProcessTestBase {

  private final FlowNodeCoverage coverage;

  @Autowired protected CaseService cases;
  @Autowired protected CaseRepository caseRepository;

  protected ProcessPathTest(String processKey) {
    this.coverage = new FlowNodeCoverage(processKey);
  }

  @BeforeAll
  void noteEarlierInstances(@Autowired ProcessEngine engine) {
    coverage.begin(engine);
  }

  @AfterAll
  void coverageOfEveryPath(@Autowired ProcessEngine engine) {
    coverage.assertAtLeast(engine, 0.9);
  }

  /** Opens a case as an agent would, on a fresh order, and returns its process instance. */
  protected ProcessInstance openCase(
      CaseKind kind, String buyerId, String price, int quantity, String description) {
    String orderId = orders.create(buyerId, price, quantity);
    String caseId = cases.open(kind.name(), orderId, buyerId, description).record().caseId();
    return processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(caseId)
        .processDefinitionKey(kind.processKey())
        .singleResult();
  }

  /** The order of a case, also after it ended. */
  protected String orderOf(ProcessInstance pi) {
    return caseRepository.find(pi.getBusinessKey()).orElseThrow().orderId();
  }
}
