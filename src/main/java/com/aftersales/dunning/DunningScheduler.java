package com.aftersales.dunning;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Opens yesterday's dunning cases every morning, unattended. On several nodes each runs it; the
 * unique order number per dunning case lets only one of them open each case.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "aftersales.dunning.daily-run-enabled", havingValue = "true")
class DunningScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(DunningScheduler.class);
  private final DunningService dunning;

  DunningScheduler(DunningService dunning) {
    this.dunning = dunning;
  }

  @Scheduled(
      cron = "${aftersales.dunning.daily-run}",
      zone = "${aftersales.business-zone:Asia/Shanghai}")
  void daily() {
    DunningService.RunResult result = dunning.run(dunning.yesterday());
    LOG.info(
        "Daily dunning run for {}: {} unpaid orders, {} cases opened",
        result.date(),
        result.unpaidOrders(),
        result.opened());
  }
}
