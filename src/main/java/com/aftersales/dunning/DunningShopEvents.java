package com.aftersales.dunning;

import com.aftersales.base.Access;
import com.aftersales.shop.ShopEvent;
import com.aftersales.shop.ShopEvent.TradeClosed;
import com.aftersales.shop.ShopEvent.TradePaid;
import com.aftersales.shop.ShopEventHandler;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * Dunning's part in what happens in the shop: a trade paid or closed ends its dunning case wherever
 * it waits. A repeat, or a close after the payment, finds nothing waiting and changes nothing: an
 * ended dunning case never starts again.
 */
@Component
class DunningShopEvents implements ShopEventHandler {

  private final DunningService dunning;
  private final IdentityService identity;

  DunningShopEvents(DunningService dunning, IdentityService identity) {
    this.dunning = dunning;
    this.identity = identity;
  }

  @Override
  public Handled handle(ShopEvent event) {
    boolean paid = event instanceof TradePaid;
    if (!paid && !(event instanceof TradeClosed)) {
      return Handled.NOTHING;
    }
    int ended = Access.asSystem(identity, () -> dunning.orderPaidOrClosed(event.orderId(), paid));
    return ended > 0
        ? Handled.applied(List.of(DunningService.caseId(event.orderId())))
        : Handled.NOTHING;
  }
}
