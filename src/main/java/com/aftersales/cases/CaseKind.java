package com.aftersales.cases;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of case that can be opened, each executed by one process. */
public enum CaseKind {
  DAMAGE("damage-claim", "破损"),
  WRONG_ITEM("wrong-item-claim", "发错/少发"),
  RETURN("return", "退货"),
  EXCHANGE("exchange", "换货"),
  REFUND("refund", "退款"),
  COMPLAINT("complaint", "投诉"),
  LOGISTICS("logistics-exception", "物流异常"),

  /**
   * A buyer who paid the higher price shortly before a price cut asks for the difference (seed
   * 004): opened from the order alone, its description may be left out.
   */
  PRICE_DROP("price-drop-refund", "降价退差价", true);

  private final String processKey;
  private final String label;
  private final boolean describedByKind;

  CaseKind(String processKey, String label) {
    this(processKey, label, false);
  }

  CaseKind(String processKey, String label, boolean describedByKind) {
    this.processKey = processKey;
    this.label = label;
    this.describedByKind = describedByKind;
  }

  /**
   * Whether a case of this kind may be opened without a description: the kind's name stands for it.
   * (Every kind takes its buyer, item and amounts from the order.)
   */
  public boolean describedByKind() {
    return describedByKind;
  }

  public String processKey() {
    return processKey;
  }

  public String label() {
    return label;
  }

  /** The business key of the open case of this kind for an order. */
  public String openKey(String orderId) {
    return name() + "-" + orderId.trim();
  }

  /** The kinds as a clerk reads them, e.g. "DAMAGE 破损、WRONG_ITEM 发错/少发". */
  public static String choices() {
    return Arrays.stream(values())
        .map(k -> k.name() + " " + k.label)
        .collect(java.util.stream.Collectors.joining("、"));
  }

  public static Optional<CaseKind> parse(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim().toUpperCase();
    return Arrays.stream(values()).filter(k -> k.name().equals(v)).findFirst();
  }

  public static Optional<CaseKind> ofProcessKey(String processKey) {
    return Arrays.stream(values()).filter(k -> k.processKey.equals(processKey)).findFirst();
  }
}
