package com.aftersales.deadlines;

import org.camunda.bpm.engine.impl.calendar.DurationHelper;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Retry cycles of the service tasks ({@code aftersales.retry.*}), referenced from the models as
 * {@code camunda:failedJobRetryTimeCycle="${retryCycles.backOffice}"} (the bean keeps that name,
 * see {@link ExpressionNames}). Checked at start with the engine's own parser: {@code R3/PT1M}
 * (three more tries a minute apart) or a list of waits such as {@code PT1M,PT5M,PT10M}.
 *
 * @param backOffice calls to the shop back office: three more tries a minute apart, then an
 *     incident
 */
@ConfigurationProperties(prefix = "aftersales.retry")
public record RetryCycles(@DefaultValue("R3/PT1M") String backOffice) {

  public RetryCycles {
    check("aftersales.retry.back-office", backOffice);
  }

  /** {@code ${retryCycles.backOffice}}: expressions read JavaBean getters, not record accessors. */
  public String getBackOffice() {
    return backOffice;
  }

  private static void check(String property, String cycle) {
    try {
      for (String part : cycle.split(",")) {
        new DurationHelper(part.trim());
      }
    } catch (Exception e) {
      throw new IllegalArgumentException(
          property
              + " = '"
              + cycle
              + "' is no retry cycle such as R3/PT1M or PT1M,PT5M,PT10M ("
              + e.getMessage()
              + ")");
    }
  }
}
