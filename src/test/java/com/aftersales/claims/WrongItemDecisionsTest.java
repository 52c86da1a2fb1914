package com.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.support.ProcessTestBase;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code bpmn/wrong-item-resolution.dmn}, row by row, as the engine evaluates it (the style of
 * {@code model/DecisionTablesTest}): the agent's limit, the cap, who pays the postage, and the
 * discount a buyer keeping a wrong item gets.
 */
class WrongItemDecisionsTest extends ProcessTestBase {

  private Map<String, Object> evaluate(String problemKind, double price) {
    return processEngine
        .getDecisionService()
        .evaluateDecisionTableByKey(
            "wrong-item-resolution",
            Variables.putValue("problemKind", problemKind).putValue("itemPrice", price))
        .getSingleResult()
        .getEntryMap();
  }

  @ParameterizedTest(name = "{0} at {1} yuan -> limit {2}, cap {3}, keep discount {4}")
  @CsvSource({
    "WRONG_PRODUCT,   100.00, 10.0, 50.0, 0.3",
    "WRONG_PRODUCT,    20.00,  4.0, 10.0, 0.3", // a fifth of a cheap item's price
    "MISSING_PRODUCT, 100.00,  0.0, 50.0, 0.0", // nothing arrived that could be kept
    "MISSING_GIFT,    100.00,  5.0, 50.0, 0.0",
    "MISSING_GIFT,     30.00,  3.0, 15.0, 0.0",
    "WRONG_ADDRESS,   100.00,  0.0, 50.0, 0.0",
  })
  void wrongItemResolution(
      String problemKind, double price, double limit, double cap, double keepRate) {
    Map<String, Object> out = evaluate(problemKind, price);
    assertThat(((Number) out.get("agentLimit")).doubleValue()).isEqualTo(limit);
    assertThat(((Number) out.get("hardCap")).doubleValue()).isEqualTo(cap);
    assertThat(out).containsEntry("postagePaidBy", "SHOP");
    assertThat(((Number) out.get("keepDiscountRate")).doubleValue()).isEqualTo(keepRate);
  }
}
