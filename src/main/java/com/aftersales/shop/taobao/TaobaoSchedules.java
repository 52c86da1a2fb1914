package com.aftersales.shop.taobao;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Listens to the platform unattended, with the taobao adapter: the message service every {@code
 * aftersales.shop.taobao.poll-interval} (default 5 s), the reconciliation of refunds every {@code
 * reconcile-interval} (default 10 min, first soon after the start, so a restart catches up). Each
 * node polls; the platform hands a message to one consumer, and the handling is idempotent for the
 * rest. {@code aftersales.shop.taobao.listening: false} switches both off (tests drive them).
 */
@Component
@EnableScheduling
@ConditionalOnExpression(
    "'${aftersales.shop.adapter:local}' == 'taobao'"
        + " and ${aftersales.shop.taobao.listening:true}")
class TaobaoSchedules {

  private final TmcPoller poller;
  private final RefundReconciler reconciler;

  TaobaoSchedules(TmcPoller poller, RefundReconciler reconciler) {
    this.poller = poller;
    this.reconciler = reconciler;
  }

  @Scheduled(
      fixedDelayString = "${aftersales.shop.taobao.poll-interval:PT5S}",
      initialDelayString = "${aftersales.shop.taobao.poll-interval:PT5S}")
  void poll() {
    poller.pollIfDue();
  }

  @Scheduled(
      fixedDelayString = "${aftersales.shop.taobao.reconcile-interval:PT10M}",
      initialDelayString = "PT30S")
  void reconcile() {
    reconciler.reconcile();
  }
}
