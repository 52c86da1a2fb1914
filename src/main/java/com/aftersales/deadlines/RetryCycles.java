package com.aftersales.deadlines;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Retry cycles of the service tasks, referenced from the models as {@code
 * camunda:failedJobRetryTimeCycle="${retryCycles.backOffice}"}.
 */
@Component("retryCycles")
@ConfigurationProperties(prefix = "aftersales.retry")
public class RetryCycles {

  /** Calls to the shop back office: three more tries a minute apart, then an incident. */
  private String backOffice = "R3/PT1M";

  public String getBackOffice() {
    return backOffice;
  }

  public void setBackOffice(String backOffice) {
    this.backOffice = backOffice;
  }
}
