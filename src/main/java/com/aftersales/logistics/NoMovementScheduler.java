package com.aftersales.logistics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning: parcels whose trace stands still open a case. On several nodes each runs it; the
 * order's row in {@code logistics_stalled} lets only one of them open each case.
 */
@Component
@EnableScheduling
@ConditionalOnProperty(name = "aftersales.logistics.detector-enabled", havingValue = "true")
class NoMovementScheduler {

  private static final Logger LOG = LoggerFactory.getLogger(NoMovementScheduler.class);
  private final NoMovementDetector detector;

  NoMovementScheduler(NoMovementDetector detector) {
    this.detector = detector;
  }

  @Scheduled(
      cron = "${aftersales.logistics.detector-run}",
      zone = "${aftersales.business-zone:Asia/Shanghai}")
  void daily() {
    NoMovementDetector.Run run = detector.run();
    LOG.info(
        "No-movement detector: {} shipped orders looked at, {} cases opened",
        run.shippedOrders(),
        run.opened());
  }
}
