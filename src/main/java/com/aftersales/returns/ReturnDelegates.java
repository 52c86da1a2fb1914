package com.aftersales.returns;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code bpmn/return.bpmn} and {@code bpmn/exchange.bpmn} name. */
@Configuration
class ReturnDelegates {

  @Bean
  TaskListener returnAssessment(ReturnService returns) {
    return returns::assessReturn;
  }

  @Bean
  TaskListener exchangeAssessment(ReturnService returns) {
    return returns::assessExchange;
  }

  @Bean
  ExecutionListener returnRules(ReturnService returns) {
    return returns::applyRules;
  }

  @Bean
  TaskListener refusalExplanationCheck(ReturnService returns) {
    return returns::checkExplanation;
  }

  @Bean
  TaskListener retentionCheck(ReturnService returns) {
    return returns::retention;
  }

  @Bean
  JavaDelegate sendReturnAddress(ReturnService returns) {
    return returns::sendReturnAddress;
  }

  @Bean
  TaskListener buyerShipmentCheck(ReturnService returns) {
    return returns::buyerShipped;
  }

  @Bean
  JavaDelegate remindReturnShipment(ReturnService returns) {
    return returns::remindShipment;
  }

  @Bean
  JavaDelegate closeAbandonedReturn(ReturnService returns) {
    return returns::closeAbandoned;
  }

  @Bean
  TaskListener returnInspection(ReturnService returns) {
    return returns::inspect;
  }

  @Bean
  JavaDelegate escalateReturnReceipt(ReturnService returns) {
    return returns::escalateReceipt;
  }

  @Bean
  JavaDelegate restockReturn(ReturnService returns) {
    return returns::restock;
  }

  @Bean
  TaskListener postageCollectedCheck(ReturnService returns) {
    return returns::checkPostageCollected;
  }

  @Bean
  ExecutionListener returnCaseClosing(com.aftersales.cases.CaseService cases) {
    return execution -> cases.close(execution, ReturnService.category(execution));
  }
}
