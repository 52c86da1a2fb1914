package com.aftersales.shop.taobao;

import static com.aftersales.shop.taobao.TopJson.list;
import static com.aftersales.shop.taobao.TopJson.text;

import com.aftersales.shop.PlatformRefund;
import com.aftersales.shop.ShopUnavailableException;
import com.aftersales.shop.UnknownOrderException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An order's refunds on the platform, read from its sub-orders' {@code refund_id}/{@code
 * refund_status}.
 */
final class TaobaoOrderRefunds {

  private final TaobaoTrades trades;
  private final TaobaoRefunds refunds;

  TaobaoOrderRefunds(TaobaoTrades trades, TaobaoRefunds refunds) {
    this.trades = trades;
    this.refunds = refunds;
  }

  /** The open refunds, oldest first. */
  List<PlatformRefund> open(String orderId) {
    JsonNode trade = trades.trade(orderId, "tid,orders.oid,orders.refund_id,orders.refund_status");
    if (trade == null) {
      throw new UnknownOrderException(orderId);
    }
    return list(trade, "orders", "order").stream()
        .filter(o -> PlatformRefund.OPEN_STATES.contains(text(o, "refund_status")))
        .map(o -> text(o, "refund_id"))
        .filter(id -> id != null)
        .distinct()
        .map(refunds::find)
        .flatMap(Optional::stream)
        .filter(PlatformRefund::open)
        .sorted(
            Comparator.comparing(
                PlatformRefund::created, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  /**
   * What the order's successful refunds on the platform add up to, at most {@code amount}; while
   * the platform shows none, the shop counts as unavailable.
   */
  BigDecimal paidUpTo(String orderId, BigDecimal amount) {
    JsonNode trade = trades.trade(orderId, "tid,orders.oid,orders.refund_id,orders.refund_status");
    if (trade == null) {
      throw new UnknownOrderException(orderId);
    }
    BigDecimal paid = BigDecimal.ZERO;
    for (JsonNode o : list(trade, "orders", "order")) {
      if ("SUCCESS".equals(text(o, "refund_status")) && text(o, "refund_id") != null) {
        paid =
            paid.add(
                refunds
                    .find(text(o, "refund_id"))
                    .map(PlatformRefund::amount)
                    .orElse(BigDecimal.ZERO));
      }
    }
    if (paid.signum() <= 0) {
      throw new ShopUnavailableException(
          "淘宝上订单 " + orderId + " 还没有成功的退款：平台尚未退款，稍后重试；若一直如此，请在千牛中核对", null);
    }
    return amount.min(paid);
  }
}
