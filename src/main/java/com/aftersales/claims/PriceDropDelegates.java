package com.aftersales.claims;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code bpmn/price-drop-refund.bpmn} names, and its settings. */
@Configuration
@EnableConfigurationProperties(PriceDropSettings.class)
class PriceDropDelegates {

  @Bean
  ExecutionListener priceDropOpening(PriceDropSteps steps) {
    return steps::opening;
  }

  @Bean
  ExecutionListener priceDropClosing(PriceDropSteps steps) {
    return steps::closing;
  }

  @Bean
  TaskListener priceDropDecisionCheck(PriceDropSteps steps) {
    return steps::decide;
  }

  @Bean
  TaskListener priceDropRefusalMessage(PriceDropSteps steps) {
    return steps::prepareRefusal;
  }
}
