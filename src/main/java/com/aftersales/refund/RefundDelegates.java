package com.aftersales.refund;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans {@code bpmn/refund.bpmn} names, each handed to the part of the flow it belongs to.
 * Cases started on earlier releases name the same beans: rename none of them.
 */
@Configuration
class RefundDelegates {

  @Bean
  ExecutionListener refundCaseRegistration(RefundCase refundCase) {
    return refundCase::registerStandalone;
  }

  @Bean
  ExecutionListener refundCaseClosing(RefundCase refundCase, RefundFlags flags) {
    return execution -> {
      flags.finished(execution);
      refundCase.closeStandalone(execution);
    };
  }

  @Bean
  JavaDelegate readTradeState(RefundClocks clocks) {
    return clocks::readTradeState;
  }

  @Bean
  JavaDelegate startAnswerClock(RefundClocks clocks, RefundFlags flags) {
    return execution -> {
      clocks.startAnswerClock(execution);
      flags.holdWhileAnswered(execution);
    };
  }

  @Bean
  JavaDelegate escalateRefund(RefundClocks clocks) {
    return clocks::escalateAnswer;
  }

  @Bean
  JavaDelegate recordPlatformRefund(RefundClocks clocks, RefundFlags flags) {
    return execution -> {
      clocks.recordPlatformRefund(execution);
      flags.decided(execution);
    };
  }

  @Bean
  TaskListener retainSaleCheck(RefundRetention retention) {
    return retention::checkRetainSale;
  }

  @Bean
  TaskListener keptShipmentCheck(RefundRetention retention) {
    return retention::checkKeptShipment;
  }

  @Bean
  JavaDelegate withdrawRefundRequest(RefundRetention retention, RefundFlags flags) {
    return execution -> {
      retention.withdrawRequest(execution);
      flags.shipped(execution);
    };
  }

  @Bean
  TaskListener interceptCheck(RefundIntercept intercept) {
    return intercept::checkIntercept;
  }

  @Bean
  TaskListener notRecoverableCheck(RefundIntercept intercept) {
    return intercept::checkNotRecoverable;
  }

  @Bean
  TaskListener refundRefusalMessage(RefundMessages messages) {
    return messages::prepareNotRecoverable;
  }

  @Bean
  JavaDelegate rejectInTransit(RefundIntercept intercept, RefundFlags flags) {
    return execution -> {
      intercept.rejectInTransit(execution);
      flags.decided(execution);
    };
  }

  @Bean
  ExecutionListener refundRefiled(RefundIntercept intercept) {
    return intercept::refiled;
  }

  @Bean
  JavaDelegate agreeRefundReturn(RefundReturn returns) {
    return returns::agreeReturn;
  }

  @Bean
  TaskListener refundReturnAddressMessage(RefundMessages messages) {
    return messages::prepareReturnAddress;
  }

  @Bean
  TaskListener refundReturnShipmentCheck(RefundReturn returns) {
    return returns::checkReturnShipment;
  }

  @Bean
  TaskListener refundInspectionCheck(RefundReturn returns) {
    return returns::checkInspection;
  }

  @Bean
  JavaDelegate openDispute(RefundDispute dispute) {
    return dispute::openDispute;
  }

  @Bean
  TaskListener evidenceConfirmation(RefundDispute dispute) {
    return dispute::checkEvidence;
  }

  @Bean
  JavaDelegate escalateDispute(RefundDispute dispute) {
    return dispute::escalateDispute;
  }

  @Bean
  JavaDelegate submitCounterEvidence(RefundDispute dispute) {
    return dispute::submitCounterEvidence;
  }

  @Bean
  TaskListener sellerEvidenceRequest(RefundDispute dispute) {
    return dispute::requestSellerEvidence;
  }

  @Bean
  TaskListener sellerEvidenceCheck(RefundDispute dispute) {
    return dispute::checkSellerEvidence;
  }

  @Bean
  JavaDelegate closeEvidenceWindow(RefundDispute dispute) {
    return dispute::closeEvidenceWindow;
  }

  @Bean
  TaskListener verdictCheck(RefundDispute dispute) {
    return dispute::checkVerdict;
  }

  @Bean
  TaskListener refundAccountCheck(RefundTransfer transfer) {
    return transfer::checkAccount;
  }

  @Bean
  JavaDelegate reportRefund(RefundTransfer transfer) {
    return transfer::report;
  }

  @Bean
  JavaDelegate escalateTransfer(RefundTransfer transfer) {
    return transfer::escalateTransfer;
  }

  @Bean
  TaskListener refundDecisionCheck(RefundApproval approval) {
    return approval::checkDecision;
  }

  @Bean
  JavaDelegate executeRefund(RefundApproval approval, RefundFlags flags) {
    return execution -> {
      approval.execute(execution);
      flags.decided(execution);
    };
  }

  @Bean
  JavaDelegate confirmPlatformRefund(RefundPlatformPaid platformPaid) {
    return platformPaid::confirm;
  }

  @Bean
  TaskListener platformRefundCheck(RefundPlatformPaid platformPaid) {
    return platformPaid::checkInQianniu;
  }

  @Bean
  JavaDelegate rejectRefund(RefundApproval approval, RefundFlags flags) {
    return execution -> {
      approval.reject(execution);
      flags.decided(execution);
    };
  }

  @Bean
  TaskListener refundRejectionMessage(RefundMessages messages) {
    return messages::prepareRejection;
  }

  @Bean
  JavaDelegate recordRefundEvent(RefundEvents events) {
    return events::recordEvent;
  }
}
