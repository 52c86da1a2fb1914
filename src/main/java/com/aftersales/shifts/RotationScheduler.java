package com.aftersales.shifts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Generates next week's roster once a week ({@code aftersales.shifts.rotation.cron}). */
@Configuration
@EnableScheduling
@ConditionalOnProperty(
    name = "aftersales.shifts.rotation.enabled",
    havingValue = "true",
    matchIfMissing = true)
class RotationScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(RotationScheduler.class);

  private final Rotation rotation;

  RotationScheduler(Rotation rotation) {
    this.rotation = rotation;
  }

  @Scheduled(cron = "${aftersales.shifts.rotation.cron:0 0 18 * * FRI}", zone = "Asia/Shanghai")
  void generate() {
    Rotation.Generated g = rotation.generateNextWeek();
    LOG.info(
        "Roster rotation for the week of {}: {} assigned{}",
        g.week(),
        g.assigned(),
        g.skippedBecause() == null ? "" : " (" + g.skippedBecause() + ")");
  }
}
