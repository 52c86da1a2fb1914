package com.aftersales.warehouse;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code bpmn/reship.bpmn} names. */
@Configuration
class ReshipDelegates {

  @Bean
  JavaDelegate createReshipOrder(ReshipService reship) {
    return reship::createReshipOrder;
  }

  @Bean
  TaskListener trackingNumberCheck(ReshipService reship) {
    return reship::checkTracking;
  }

  @Bean
  JavaDelegate sendTrackingToBuyer(ReshipService reship) {
    return reship::sendTracking;
  }

  /** After {@code buyerMessages.confirmSent} on the task that tells the buyer the number. */
  @Bean
  TaskListener reshipTrackingTold(ReshipService reship) {
    return reship::trackingTold;
  }

  @Bean
  JavaDelegate reshipTrackingReminder(ReshipService reship) {
    return reship::remindTracking;
  }

  @Bean
  JavaDelegate reshipReceiptUnconfirmed(ReshipService reship) {
    return reship::receiptUnconfirmed;
  }

  @Bean
  TaskListener receiptCheck(ReshipService reship) {
    return reship::checkReceived;
  }

  @Bean
  JavaDelegate markReshipReceived(ReshipService reship) {
    return reship::markReceived;
  }
}
