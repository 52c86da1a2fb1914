package com.aftersales.dunning;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code bpmn/dunning.bpmn} names, and the dunning's configuration. */
@Configuration
@EnableConfigurationProperties(DunningConfig.class)
class DunningDelegates {

  @Bean
  ExecutionListener dunningOpening(DunningService dunning) {
    return dunning::opening;
  }

  @Bean
  ExecutionListener dunningClosing(DunningService dunning) {
    return dunning::closing;
  }

  @Bean
  TaskListener dunningContactCheck(DunningService dunning) {
    return dunning::contacted;
  }

  /** After {@link #dunningContactCheck}: the chat reminder, recorded once the agent sent it. */
  @Bean
  TaskListener dunningReminderCheck(DunningReminder reminder) {
    return reminder::contacted;
  }

  @Bean
  JavaDelegate dunningPaid(DunningService dunning) {
    return dunning::paid;
  }

  @Bean
  JavaDelegate dunningAutoClosed(DunningService dunning) {
    return dunning::autoClosed;
  }
}
