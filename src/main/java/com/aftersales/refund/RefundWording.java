package com.aftersales.refund;

import static com.aftersales.refund.RefundVariables.REFUND_AMOUNT;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

/** How the refund's remarks, flags and timeline entries write times, amounts and the case. */
@Component
class RefundWording {
  private static final DateTimeFormatter DUE_TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final ZoneId zone;

  RefundWording(Clock clock) {
    this.zone = clock.getZone();
  }

  /** A deadline in shop time, e.g. {@code 2026-05-01 18:00}; empty when there is none. */
  String time(Date date) {
    return date == null ? "" : DUE_TEXT.format(date.toInstant().atZone(zone));
  }

  /** The amount to refund, in yuan (zero when none is set). */
  static BigDecimal amount(VariableScope scope) {
    return REFUND_AMOUNT.get(scope, BigDecimal.ZERO.setScale(2));
  }

  /** Names the case in remarks the back office shows outside our application. */
  static String caseRef(DelegateExecution execution) {
    return "（售后单 " + execution.getProcessBusinessKey() + "）";
  }
}
