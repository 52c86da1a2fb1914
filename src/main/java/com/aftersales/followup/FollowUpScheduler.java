package com.aftersales.followup;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning: today's follow-up calls, and yesterday's spot-check sample. On several nodes each
 * runs it; the unique order and scenario (and call) keep everything single.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "aftersales.follow-up.daily-run-enabled", havingValue = "true")
class FollowUpScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(FollowUpScheduler.class);
  private final FollowUpSelection selection;
  private final SpotCheckSampling sampling;

  FollowUpScheduler(FollowUpSelection selection, SpotCheckSampling sampling) {
    this.selection = selection;
    this.sampling = sampling;
  }

  @Scheduled(
      cron = "${aftersales.follow-up.daily-run}",
      zone = "${aftersales.business-zone:Asia/Shanghai}")
  void daily() {
    FollowUpSelection.Selection selected = selection.select(selection.today());
    SpotCheckSampling.Sampling sampled = sampling.sample(selection.today().minusDays(1));
    LOG.info(
        "Follow-up calls selected {}, spot checks sampled {} of {}",
        selected.selected(),
        sampled.sampled(),
        sampled.completedCalls());
  }
}
