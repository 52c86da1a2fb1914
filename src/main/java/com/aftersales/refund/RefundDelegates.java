package com.aftersales.refund;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code bpmn/refund.bpmn} names. */
@Configuration
class RefundDelegates {

  @Bean
  JavaDelegate reportRefund(RefundService refunds) {
    return refunds::report;
  }

  @Bean
  TaskListener refundDecisionCheck(RefundService refunds) {
    return refunds::checkDecision;
  }

  @Bean
  JavaDelegate escalateRefund(RefundService refunds) {
    return refunds::escalate;
  }

  @Bean
  JavaDelegate executeRefund(RefundService refunds) {
    return refunds::execute;
  }

  @Bean
  JavaDelegate rejectRefund(RefundService refunds) {
    return refunds::reject;
  }
}
