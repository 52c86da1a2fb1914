package com.aftersales.warehouse;

import com.aftersales.base.Variable;

/**
 * What a case hands to the reship it calls ({@code camunda:in}) and gets back ({@code
 * camunda:out}): declared in the reship's {@code PROCESS} and in every caller's.
 */
public final class ReshipCallVariables {
  public static final Variable<String> RESHIP_ITEMS = Variable.text("reshipItems", "补发商品");
  public static final Variable<Long> RESHIP_QUANTITY = Variable.count("reshipQuantity", "补发数量");
  public static final Variable<String> RESHIP_REASON = Variable.text("reshipReason", "补发原因");

  /** The buyer's new order the reship travels with (no postage); null ships it on its own. */
  public static final Variable<String> RIDE_ALONG_ORDER_ID =
      Variable.text("rideAlongOrderId", "随单补发的订单号");

  /**
   * The reship carries a gift (a missing gift, a gift request): the order gets a green flag until
   * the reship has shipped. Unset means false.
   */
  public static final Variable<Boolean> RESHIP_GIFT = Variable.flag("reshipGift", "补发赠品");

  /**
   * What ships differently from the original order, e.g. "改发顺丰" or "按买家在千牛确认的新地址发出" (the words
   * only, never the address itself): the order gets a red flag until the reship has shipped. Unset
   * ships as the order did.
   */
  public static final Variable<String> RESHIP_SHIPPING_CHANGE =
      Variable.text("reshipShippingChange", "改地址/换快递");

  /** Set by the reship, copied back to the caller. */
  public static final Variable<String> RESHIP_ORDER_ID = Variable.text("reshipOrderId", "补发订单号");

  private ReshipCallVariables() {}
}
