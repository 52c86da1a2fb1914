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
  private final FollowUpService followUps;

  FollowUpScheduler(FollowUpService followUps) {
    this.followUps = followUps;
  }

  @Scheduled(
      cron = "${aftersales.follow-up.daily-run}",
      zone = "${aftersales.business-zone:Asia/Shanghai}")
  void daily() {
    FollowUpService.Selection selection = followUps.select(followUps.today());
    FollowUpService.Sampling sampling = followUps.sample(followUps.today().minusDays(1));
    LOG.info(
        "Follow-up calls selected {}, spot checks sampled {} of {}",
        selection.selected(),
        sampling.sampled(),
        sampling.completedCalls());
  }
}
