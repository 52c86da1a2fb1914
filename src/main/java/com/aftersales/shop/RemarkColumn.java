package com.aftersales.shop;

/** The three remark columns of an order. */
public enum RemarkColumn {
  /** 客服备注: agents among themselves; survives shift changes. */
  INTERNAL,
  /** 财务备注: refunds. */
  FINANCE,
  /** 发货备注: anything the warehouse must act on. */
  SHIPPING
}
