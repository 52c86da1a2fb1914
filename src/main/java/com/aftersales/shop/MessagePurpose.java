package com.aftersales.shop;

/** Why the shop writes to the buyer; the label is what the case timeline shows. */
public enum MessagePurpose {
  EVIDENCE_REQUEST("请买家提供凭证"),
  EVIDENCE_REMINDER("提醒买家补充凭证"),
  RETURN_REMINDER("提醒买家寄回退货"),
  APOLOGY("致歉"),
  RETURN_ADDRESS("退货地址"),
  RESHIP_TRACKING("补发物流单号"),
  REFUSAL_REASON("拒绝理由"),
  DUNNING("催付"),
  FOLLOW_UP_OUTCOME("回访结果"),
  REFUND_NOTE("退款留言"),
  POSTAGE_DEDUCTION("买家原因运费从退款中扣除"),
  LOGISTICS_UPDATE("物流进度");

  private final String label;

  MessagePurpose(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
