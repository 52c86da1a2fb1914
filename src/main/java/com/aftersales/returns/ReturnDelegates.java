package com.aftersales.returns;

import com.aftersales.cases.CaseService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans {@code bpmn/return.bpmn} and {@code bpmn/exchange.bpmn} name (the last release's models
 * name the same ones), in the order of the flows.
 */
@Configuration
class ReturnDelegates {

  // starting: a case of its own, or the return a calling case decided
  @Bean
  ExecutionListener returnCaseRegistration(ReturnLifecycle lifecycle) {
    return lifecycle::start;
  }

  // assessment and the rules
  @Bean
  TaskListener returnAssessment(RequestAssessment assessment) {
    return assessment::assessReturn;
  }

  @Bean
  TaskListener exchangeAssessment(ExchangeSteps exchanges) {
    return exchanges::assessExchange;
  }

  @Bean
  ExecutionListener returnRules(RequestAssessment assessment) {
    return assessment::applyRules;
  }

  @Bean
  TaskListener returnRefusalMessage(ReturnMessages messages) {
    return messages::prepareRefusal;
  }

  @Bean
  TaskListener refusalExplanationCheck(RequestAssessment assessment) {
    return assessment::checkExplanation;
  }

  // retention (return) and the buyer's postage (exchange)
  @Bean
  TaskListener retentionCheck(Retention retention) {
    return retention::retention;
  }

  @Bean
  TaskListener returnPostageDeductionMessage(ReturnMessages messages) {
    return messages::prepareDeduction;
  }

  @Bean
  TaskListener postageCollectedCheck(ExchangeSteps exchanges) {
    return exchanges::checkPostageCollected;
  }

  // the buyer ships it back
  @Bean
  JavaDelegate sendReturnAddress(ReturnMessages messages) {
    return messages::returnAccepted;
  }

  @Bean
  TaskListener returnAddressMessage(ReturnMessages messages) {
    return messages::prepareReturnAddress;
  }

  @Bean
  TaskListener buyerShipmentCheck(BuyerShipment shipment) {
    return shipment::buyerShipped;
  }

  @Bean
  JavaDelegate remindReturnShipment(ReturnMessages messages) {
    return messages::remindShipment;
  }

  @Bean
  JavaDelegate closeAbandonedReturn(BuyerShipment shipment) {
    return shipment::closeAbandoned;
  }

  // the warehouse
  @Bean
  TaskListener returnInspection(WarehouseInspection warehouse) {
    return warehouse::inspect;
  }

  @Bean
  JavaDelegate escalateReturnReceipt(WarehouseInspection warehouse) {
    return warehouse::escalateReceipt;
  }

  @Bean
  JavaDelegate restockReturn(WarehouseInspection warehouse) {
    return warehouse::restock;
  }

  // an exchange another case calls opens and closes no case of its own
  @Bean
  ExecutionListener exchangeOpening(CaseService cases, ExchangeSteps exchanges) {
    return execution -> {
      if (!exchanges.openedByCase(execution)) {
        cases.register(execution);
      }
    };
  }

  @Bean
  ExecutionListener exchangeClosing(CaseService cases, ExchangeSteps exchanges) {
    return execution -> {
      if (!exchanges.closedForCase(execution)) {
        cases.close(execution, ReturnCases.category(execution));
      }
    };
  }

  // closing (a called return hands its outcome back instead)
  @Bean
  ExecutionListener returnCaseClosing(ReturnLifecycle lifecycle) {
    return lifecycle::end;
  }
}
