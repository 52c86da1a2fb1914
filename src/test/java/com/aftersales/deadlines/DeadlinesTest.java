package com.aftersales.deadlines;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A mistyped deadline stops the application at start, with the setting named. */
class DeadlinesTest {

  @Test
  void acceptsIsoDurationsAndPeriods() {
    Deadlines d = new Deadlines();
    d.setRefundReport("PT48H");
    d.setEvidenceGiveUp("P7D");
    assertThatCode(d::validate).doesNotThrowAnyException();
  }

  @Test
  void refusesAnythingElseNamingTheSetting() {
    Deadlines d = new Deadlines();
    d.setRefundReport("48h");
    assertThatThrownBy(d::validate)
        .hasMessageContaining("aftersales.deadlines.refundReport")
        .hasMessageContaining("PT24H");
    d.setRefundReport("");
    assertThatThrownBy(d::validate).hasMessageContaining("is empty");
  }
}
