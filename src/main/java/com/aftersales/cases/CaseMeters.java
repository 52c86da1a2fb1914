package com.aftersales.cases;

import com.aftersales.base.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * Counts the cases opened and closed, per kind, once the transaction that opened or closed them
 * committed. Every kind is registered at start, so a kind without cases shows 0.
 */
@Component
class CaseMeters {

  static final String OPENED = "aftersales.cases.opened";
  static final String CLOSED = "aftersales.cases.closed";

  private final MeterRegistry meters;

  CaseMeters(MeterRegistry meters) {
    this.meters = meters;
    for (CaseKind kind : CaseKind.values()) {
      counter(OPENED, kind.name());
      counter(CLOSED, kind.name());
    }
  }

  void opened(CaseKind kind) {
    AfterCommit.run(() -> counter(OPENED, kind.name()).increment());
  }

  void closed(String kind) {
    AfterCommit.run(() -> counter(CLOSED, kind == null ? "UNKNOWN" : kind).increment());
  }

  private Counter counter(String name, String kind) {
    return Counter.builder(name)
        .description(name.equals(OPENED) ? "Cases opened, per kind" : "Cases closed, per kind")
        .tag("kind", kind)
        .register(meters);
  }
}
