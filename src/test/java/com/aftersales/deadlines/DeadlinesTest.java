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
  void eachDeadlineRunsOnItsConfiguredClock() {
    Deadlines d = new Deadlines();
    d.setServiceHours(new ServiceHours());
    d.setEvidenceReminder("PT2H");
    java.time.Instant evening =
        java.time.LocalDateTime.parse("2026-11-23T20:30:00")
            .atZone(java.time.ZoneId.of("Asia/Shanghai"))
            .toInstant();
    // calendar time: 22:30 the same evening
    org.assertj.core.api.Assertions.assertThat(d.due("evidenceReminder", evening))
        .isEqualTo(evening.plus(java.time.Duration.ofHours(2)));
    org.assertj.core.api.Assertions.assertThat(d.due("evidenceGiveUp", evening))
        .isEqualTo(evening.plus(java.time.Duration.ofDays(7)));
    // service time: 10:30 the next morning
    d.setServiceTime(java.util.Set.of("evidenceReminder"));
    org.assertj.core.api.Assertions.assertThat(d.due("evidenceReminder", evening))
        .isEqualTo(
            java.time.LocalDateTime.parse("2026-11-24T10:30:00")
                .atZone(java.time.ZoneId.of("Asia/Shanghai"))
                .toInstant());
    d.setServiceTime(java.util.Set.of("noSuchDeadline"));
    assertThatThrownBy(d::validate).hasMessageContaining("noSuchDeadline");
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
