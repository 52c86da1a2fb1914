package com.aftersales.shop;

/** Order flags (旗帜) of the back office. A flag always carries a note. */
public enum Flag {
  /** Change address or courier. */
  RED,
  /** Hold shipment. */
  YELLOW,
  /** Gift request. */
  GREEN,
  /** Refund reason noted. */
  PURPLE,
  /** Ship now: a paid order the warehouse has not arranged yet (logistics exception). */
  BLUE
}
