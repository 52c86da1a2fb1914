package com.aftersales.followup;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans the follow-up, spot-check and complaint models name, and the follow-up's settings. */
@Configuration
@EnableConfigurationProperties(FollowUpConfig.class)
class FollowUpDelegates {

  @Bean
  ExecutionListener followUpOpening(FollowUpCallSteps call) {
    return call::opening;
  }

  @Bean
  TaskListener followUpCallCheck(FollowUpCallSteps call) {
    return call::called;
  }

  @Bean
  JavaDelegate followUpRouting(FollowUpCallSteps call) {
    return call::route;
  }

  @Bean
  ExecutionListener followUpClosing(FollowUpCallSteps call) {
    return call::closing;
  }

  @Bean
  ExecutionListener spotCheckOpening(SpotCheckSteps spotCheck) {
    return spotCheck::opening;
  }

  @Bean
  TaskListener spotCheckRecord(SpotCheckSteps spotCheck) {
    return spotCheck::checked;
  }

  /** Named only by spot checks on earlier models; see {@link SpotCheckSteps#closing}. */
  @Bean
  ExecutionListener spotCheckClosing(SpotCheckSteps spotCheck) {
    return spotCheck::closing;
  }

  @Bean
  ExecutionListener complaintOpening(ComplaintService complaints) {
    return complaints::opening;
  }

  /** Named only by complaints on earlier models; see {@link ComplaintService#responded}. */
  @Bean
  TaskListener complaintResponseCheck(ComplaintService complaints) {
    return complaints::responded;
  }

  @Bean
  TaskListener complaintApologyCheck(ComplaintService complaints) {
    return complaints::respondedInChat;
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
