package com.aftersales.followup;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the follow-up, spot-check and complaint models name. */
@Configuration
class FollowUpDelegates {

  @Bean
  ExecutionListener followUpOpening(FollowUpService followUps) {
    return followUps::opening;
  }

  @Bean
  TaskListener followUpCallCheck(FollowUpService followUps) {
    return followUps::called;
  }

  @Bean
  JavaDelegate followUpRouting(FollowUpService followUps) {
    return followUps::route;
  }

  @Bean
  ExecutionListener followUpClosing(FollowUpService followUps) {
    return followUps::closing;
  }

  @Bean
  ExecutionListener spotCheckOpening(FollowUpService followUps) {
    return followUps::spotCheckOpening;
  }

  @Bean
  TaskListener spotCheckRecord(FollowUpService followUps) {
    return followUps::spotChecked;
  }

  @Bean
  ExecutionListener spotCheckClosing(FollowUpService followUps) {
    return followUps::spotCheckClosing;
  }

  @Bean
  ExecutionListener complaintOpening(ComplaintService complaints) {
    return complaints::opening;
  }

  @Bean
  TaskListener complaintResponseCheck(ComplaintService complaints) {
    return complaints::responded;
  }

  @Bean
  TaskListener complaintHandlingCheck(ComplaintService complaints) {
    return complaints::handled;
  }

  @Bean
  JavaDelegate escalateComplaint(ComplaintService complaints) {
    return complaints::escalate;
  }

  @Bean
  ExecutionListener complaintClosing(ComplaintService complaints) {
    return complaints::closing;
  }
}
