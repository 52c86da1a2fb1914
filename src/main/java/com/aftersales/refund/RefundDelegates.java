package com.aftersales.refund;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code bpmn/refund.bpmn} names. */
@Configuration
class RefundDelegates {

  @Bean
  ExecutionListener refundCaseRegistration(RefundService refunds) {
    return refunds::registerStandalone;
  }

  @Bean
  ExecutionListener refundCaseClosing(RefundService refunds) {
    return refunds::closeStandalone;
  }

  @Bean
  JavaDelegate readTradeState(RefundService refunds) {
    return refunds::readTradeState;
  }

  @Bean
  JavaDelegate startAnswerClock(RefundService refunds) {
    return refunds::startAnswerClock;
  }

  @Bean
  JavaDelegate escalateRefund(RefundService refunds) {
    return refunds::escalateAnswer;
  }

  @Bean
  JavaDelegate recordPlatformRefund(RefundService refunds) {
    return refunds::recordPlatformRefund;
  }

  @Bean
  TaskListener retainSaleCheck(RefundService refunds) {
    return refunds::checkRetainSale;
  }

  @Bean
  TaskListener keptShipmentCheck(RefundService refunds) {
    return refunds::checkKeptShipment;
  }

  @Bean
  JavaDelegate withdrawRefundRequest(RefundService refunds) {
    return refunds::withdrawRequest;
  }

  @Bean
  TaskListener interceptCheck(RefundService refunds) {
    return refunds::checkIntercept;
  }

  @Bean
  TaskListener notRecoverableCheck(RefundService refunds) {
    return refunds::checkNotRecoverable;
  }

  @Bean
  JavaDelegate rejectInTransit(RefundService refunds) {
    return refunds::rejectInTransit;
  }

  @Bean
  ExecutionListener refundRefiled(RefundService refunds) {
    return refunds::refiled;
  }

  @Bean
  JavaDelegate agreeRefundReturn(RefundService refunds) {
    return refunds::agreeReturn;
  }

  @Bean
  TaskListener refundReturnShipmentCheck(RefundService refunds) {
    return refunds::checkReturnShipment;
  }

  @Bean
  TaskListener refundInspectionCheck(RefundService refunds) {
    return refunds::checkInspection;
  }

  @Bean
  JavaDelegate openDispute(RefundService refunds) {
    return refunds::openDispute;
  }

  @Bean
  TaskListener evidenceConfirmation(RefundService refunds) {
    return refunds::checkEvidence;
  }

  @Bean
  JavaDelegate escalateDispute(RefundService refunds) {
    return refunds::escalateDispute;
  }

  @Bean
  JavaDelegate submitCounterEvidence(RefundService refunds) {
    return refunds::submitCounterEvidence;
  }

  @Bean
  TaskListener verdictCheck(RefundService refunds) {
    return refunds::checkVerdict;
  }

  @Bean
  TaskListener refundAccountCheck(RefundService refunds) {
    return refunds::checkAccount;
  }

  @Bean
  JavaDelegate reportRefund(RefundService refunds) {
    return refunds::report;
  }

  @Bean
  JavaDelegate escalateTransfer(RefundService refunds) {
    return refunds::escalateTransfer;
  }

  @Bean
  TaskListener refundDecisionCheck(RefundService refunds) {
    return refunds::checkDecision;
  }

  @Bean
  JavaDelegate executeRefund(RefundService refunds) {
    return refunds::execute;
  }

  @Bean
  JavaDelegate rejectRefund(RefundService refunds) {
    return refunds::reject;
  }

  @Bean
  JavaDelegate recordRefundEvent(RefundService refunds) {
    return refunds::recordEvent;
  }
}
