package com.aftersales.claims;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans only the current {@code bpmn/wrong-item-claim.bpmn} names (the last release's model
 * keeps {@code warehouseVerificationCheck} and {@code resolutionCheck}, see {@link
 * ClaimDelegates}).
 */
@Configuration
class WrongItemDelegates {

  @Bean
  TaskListener wrongItemVerificationCheck(WrongItemSteps steps) {
    return steps::checkVerification;
  }

  @Bean
  TaskListener unconfirmedMistakeDecision(WrongItemSteps steps) {
    return steps::checkSupervisorDecision;
  }

  @Bean
  TaskListener wrongItemResolutionCheck(WrongItemSteps steps) {
    return steps::checkResolution;
  }

  @Bean
  TaskListener differencePaidCheck(WrongItemSteps steps) {
    return steps::checkDifferencePaid;
  }
}
