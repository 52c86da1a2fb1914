package com.aftersales.shop;

/**
 * Order flags (旗帜) of the back office (SOP "Order back office facts"). A flag always carries a
 * note. The back office shows one flag per order; when several apply at once it shows the most
 * urgent ({@link #urgency()}) and the others come back when it is cleared ({@link FlagStack}).
 */
public enum Flag {
  /** Change address or courier. */
  RED("红旗", "改地址/换快递", 1),
  /** Hold shipment. */
  YELLOW("黄旗", "暂停发货", 0),
  /** Gift request. */
  GREEN("绿旗", "赠品要求", 3),
  /** Refund reason noted. */
  PURPLE("紫旗", "备注退款原因", 4),
  /** Ship now: a paid order the warehouse has not arranged yet (logistics exception). */
  BLUE("蓝旗", "立即发货", 2);

  private final String label;
  private final String meaning;
  private final int urgency;

  Flag(String label, String meaning, int urgency) {
    this.label = label;
    this.meaning = meaning;
    this.urgency = urgency;
  }

  /** The flag as people name it: 红旗, 黄旗, 绿旗, 紫旗. */
  public String label() {
    return label;
  }

  /** What the flag asks of the warehouse or finance, in the SOP's words. */
  public String meaning() {
    return meaning;
  }

  /**
   * 0 is the most urgent. A held shipment (yellow) must stop the warehouse before anything else; a
   * changed address or courier (red) changes how it ships; a gift (green) adds to what ships; a
   * noted refund reason (purple) is for finance and never stops a parcel.
   */
  public int urgency() {
    return urgency;
  }
}
