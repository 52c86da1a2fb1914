package com.aftersales.cases;

import com.aftersales.base.Variable;

/** Process variables every case process shares (and passes to the reship and refund flows). */
public final class CaseVariables {
  public static final Variable<String> CASE_ID = Variable.text("caseId", "售后单号");
  public static final Variable<String> CASE_KIND = Variable.text("caseKind", "售后类型");
  public static final Variable<String> CASE_KIND_LABEL = Variable.text("caseKindLabel", "售后类型");
  public static final Variable<String> ORDER_ID = Variable.text("orderId", "订单号");
  public static final Variable<String> BUYER_ID = Variable.text("buyerId", "买家旺旺号");
  public static final Variable<String> BUYER_NAME = Variable.text("buyerName", "买家姓名");
  public static final Variable<String> DESCRIPTION = Variable.text("description", "问题描述");
  public static final Variable<String> ITEM_TITLE = Variable.text("itemTitle", "商品");
  public static final Variable<java.math.BigDecimal> ITEM_PRICE = Variable.money("itemPrice", "单价");
  public static final Variable<Long> QUANTITY = Variable.count("quantity", "数量");
  public static final Variable<java.math.BigDecimal> TOTAL_PAID =
      Variable.money("totalPaid", "实付金额");
  public static final Variable<java.math.BigDecimal> REFUNDABLE =
      Variable.money("refundable", "可退金额");
  public static final Variable<String> CARRIER = Variable.text("carrier", "快递公司");
  public static final Variable<String> TRACKING_NUMBER = Variable.text("trackingNumber", "物流单号");
  public static final Variable<String> APOLOGY_TEXT = Variable.text("apologyText", "致歉话术");

  /**
   * The exact text an agent sends the buyer in Qianniu (the platform has no chat API), with the
   * case's values filled in; the form shows it read-only, ready to copy.
   */
  public static final Variable<String> BUYER_MESSAGE_TEXT =
      Variable.text("buyerMessageText", "发给买家的话（复制到千牛发送）");

  /**
   * The agent confirms sending {@link #BUYER_MESSAGE_TEXT}; removed whenever a text is prepared.
   */
  public static final Variable<Boolean> BUYER_MESSAGE_SENT =
      Variable.flag("buyerMessageSent", "已在千牛发送给买家");

  /**
   * A reminder put on a task that is already open when its deadline passes (the buyer's photos or
   * parcel are late): shown read-only under the task's own message, ready to copy.
   */
  public static final Variable<String> BUYER_REMINDER_TEXT =
      Variable.text("buyerReminderText", "提醒买家的话（复制到千牛发送）");

  /**
   * The agent confirms sending {@link #BUYER_REMINDER_TEXT}; only a ticked reminder is recorded.
   */
  public static final Variable<Boolean> BUYER_REMINDER_SENT =
      Variable.flag("buyerReminderSent", "已在千牛发送提醒");

  /** Where buyers send returns ({@code aftersales.return-address}), shown where they are told. */
  public static final Variable<String> RETURN_ADDRESS_TEXT =
      Variable.text("returnAddressText", "退货地址");

  /** Who decided the resolution with the buyer; fills "registered by" on register rows. */
  public static final Variable<String> RESOLVED_BY = Variable.text("resolvedBy", "处理人");

  /** A refund case's own start fields, as its start form names them (see the refund's class). */
  public static final Variable<Object> START_REFUND_AMOUNT = Variable.value("refundAmount");

  public static final Variable<Object> START_RETURN_REQUIRED = Variable.value("returnRequired");

  /**
   * A price-drop case's own start fields (see {@code bpmn/price-drop-refund.bpmn}): the price after
   * the cut, the day of the cut ({@code yyyy-MM-dd}) and the pieces it applies to (the order's when
   * left out).
   */
  public static final Variable<Object> START_NEW_PRICE = Variable.value("newPrice");

  public static final Variable<Object> START_PRICE_CUT_DATE = Variable.value("priceCutDate");

  public static final Variable<Object> START_PRICE_DROP_QUANTITY =
      Variable.value("priceDropQuantity");

  private CaseVariables() {}
}
