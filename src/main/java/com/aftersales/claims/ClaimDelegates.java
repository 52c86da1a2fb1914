package com.aftersales.claims;

import com.aftersales.cases.CaseService;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The beans the claim models name in their expressions. Each is thin: it hands the execution or
 * task to one service method.
 */
@Configuration
class ClaimDelegates {

  @Bean
  ExecutionListener caseRegistration(CaseService cases) {
    return cases::register;
  }

  @Bean
  ExecutionListener caseClosing(CaseService cases) {
    return execution -> cases.close(execution, ClaimService.category(execution));
  }

  @Bean
  TaskListener evidenceCheck(ClaimService claims) {
    return claims::checkEvidence;
  }

  @Bean
  TaskListener claimEvidenceRequest(ClaimMessages messages) {
    return messages::prepareEvidenceRequest;
  }

  @Bean
  JavaDelegate remindBuyerForEvidence(ClaimMessages messages) {
    return messages::remindBuyer;
  }

  @Bean
  JavaDelegate closeNoEvidence(ClaimService claims) {
    return claims::closeNoEvidence;
  }

  @Bean
  TaskListener damageEvidenceCheck(ClaimService claims) {
    return claims::checkDamageEvidence;
  }

  @Bean
  JavaDelegate recordCourierLoss(ClaimService claims) {
    return claims::recordCourierLoss;
  }

  @Bean
  ExecutionListener decisionResultFlattening(ClaimService claims) {
    return claims::flattenDecisionResult;
  }

  @Bean
  TaskListener resolutionCheck(ClaimService claims) {
    return claims::checkResolution;
  }

  @Bean
  ExecutionListener offerPreparation(DamageSettlement settlement) {
    return settlement::prepareOffer;
  }

  @Bean
  TaskListener offerPrefill(DamageSettlement settlement) {
    return settlement::prefillOffer;
  }

  @Bean
  TaskListener goodReviewCheck(DamageSettlement settlement) {
    return settlement::checkReview;
  }

  @Bean
  JavaDelegate goodReviewReminder(DamageSettlement settlement) {
    return settlement::remindReview;
  }

  @Bean
  JavaDelegate noCashBack(DamageSettlement settlement) {
    return settlement::recordNoCashBack;
  }

  @Bean
  TaskListener approvalCheck(ClaimService claims) {
    return claims::checkApproval;
  }

  @Bean
  TaskListener returnArrangementCheck(ClaimService claims) {
    return claims::checkReturnArrangement;
  }

  /** Claims of earlier releases tell the return address when arranging the return. */
  @Bean
  TaskListener claimReturnAddress(ClaimMessages messages) {
    return messages::prepareReturnAddress;
  }

  @Bean
  ExecutionListener claimReturnHandover(ClaimReturns returns) {
    return returns::handOver;
  }

  @Bean
  ExecutionListener claimReturnOutcome(ClaimReturns returns) {
    return returns::recordOutcome;
  }

  /** Claims of earlier releases still wait at their own warehouse receipt. */
  @Bean
  TaskListener returnReceiptCheck(ClaimService claims) {
    return claims::checkReturnReceipt;
  }

  @Bean
  TaskListener warehouseVerificationCheck(ClaimService claims) {
    return claims::checkWarehouseVerification;
  }

  @Bean
  TaskListener claimExplanationMessage(ClaimMessages messages) {
    return messages::prepareExplanation;
  }

  @Bean
  TaskListener explanationCheck(ClaimService claims) {
    return claims::checkExplanation;
  }
}
