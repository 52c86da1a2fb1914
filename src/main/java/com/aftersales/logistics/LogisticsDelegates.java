package com.aftersales.logistics;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The beans {@code bpmn/logistics-exception.bpmn} names, and the feature's settings. */
@Configuration
@EnableConfigurationProperties(LogisticsConfig.class)
class LogisticsDelegates {

  @Bean
  ExecutionListener logisticsOpening(LogisticsCases cases) {
    return cases::opening;
  }

  @Bean
  ExecutionListener logisticsClosing(LogisticsCases cases) {
    return cases::closing;
  }

  @Bean
  JavaDelegate logisticsTraceRead(LogisticsSteps steps) {
    return steps::readTrace;
  }

  @Bean
  TaskListener logisticsWarehouseCheck(LogisticsSteps steps) {
    return steps::checkWarehouseFinding;
  }

  @Bean
  JavaDelegate logisticsFlagShipNow(LogisticsSteps steps) {
    return steps::flagShipNow;
  }

  @Bean
  TaskListener logisticsShipmentCheck(LogisticsSteps steps) {
    return steps::checkShipment;
  }

  @Bean
  JavaDelegate logisticsMarkShipped(LogisticsSteps steps) {
    return steps::markShipped;
  }

  @Bean
  TaskListener logisticsAssessment(LogisticsSteps steps) {
    return steps::checkAssessment;
  }

  @Bean
  ExecutionListener logisticsAdvice(LogisticsSteps steps) {
    return steps::takeAdvice;
  }

  @Bean
  TaskListener logisticsNormalMessage(LogisticsSteps steps) {
    return steps::prepareNormal;
  }

  @Bean
  TaskListener logisticsExtensionCheck(LogisticsSteps steps) {
    return steps::checkExtension;
  }

  @Bean
  JavaDelegate logisticsExtendReceipt(LogisticsSteps steps) {
    return steps::extendReceipt;
  }

  @Bean
  JavaDelegate logisticsEscalateExtension(LogisticsSteps steps) {
    return steps::escalateExtension;
  }

  @Bean
  TaskListener logisticsContactCheck(LogisticsHandling handling) {
    return handling::checkContact;
  }

  @Bean
  TaskListener logisticsReturnRequestCheck(LogisticsHandling handling) {
    return handling::checkReturnRequest;
  }

  @Bean
  TaskListener logisticsBuyerBackCheck(LogisticsHandling handling) {
    return handling::checkBuyerBack;
  }

  @Bean
  TaskListener logisticsChaseCheck(LogisticsHandling handling) {
    return handling::checkChase;
  }

  @Bean
  TaskListener logisticsProgressMessage(LogisticsHandling handling) {
    return handling::prepareProgress;
  }

  @Bean
  JavaDelegate logisticsChaseReminder(LogisticsHandling handling) {
    return handling::remindChase;
  }

  @Bean
  TaskListener logisticsOutOfAreaCheck(LogisticsHandling handling) {
    return handling::checkOutOfArea;
  }

  @Bean
  TaskListener logisticsLossCheck(LogisticsHandling handling) {
    return handling::checkLoss;
  }

  @Bean
  JavaDelegate logisticsRecordLoss(LogisticsHandling handling) {
    return handling::recordLoss;
  }

  @Bean
  JavaDelegate logisticsOpenDamageClaim(LogisticsHandling handling) {
    return handling::openDamageClaim;
  }

  @Bean
  TaskListener logisticsOriginalCheck(LogisticsHandling handling) {
    return handling::checkOriginalReceived;
  }

  @Bean
  TaskListener logisticsDeliveryCheck(LogisticsHandling handling) {
    return handling::checkDelivered;
  }
}
