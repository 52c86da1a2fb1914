package com.aftersales.shifts;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Checks every minute whether a shift has ended (off in tests, which call the release directly).
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(
    name = "aftersales.shifts.release-scheduler",
    havingValue = "true",
    matchIfMissing = true)
class ShiftEndScheduler {

  private final ShiftEndRelease release;

  ShiftEndScheduler(ShiftEndRelease release) {
    this.release = release;
  }

  @Scheduled(fixedDelayString = "${aftersales.shifts.check-every:PT1M}")
  void check() {
    release.releaseEnded();
  }
}
