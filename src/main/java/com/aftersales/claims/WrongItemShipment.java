package com.aftersales.claims;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * What a wrong or missing item sends: the warehouse's record of what arrived against what was
 * ordered decides it (seed 004: a missing gift, a missing product, a wrong product). Pure
 * functions; the quantities come checked from the form.
 */
final class WrongItemShipment {

  private WrongItemShipment() {}

  /** What the warehouse recorded: the order's product, and what was wrong or missing. */
  record Report(
      ProblemKind kind,
      String itemTitle,
      long orderQuantity,
      String orderedVariant,
      String arrivedItem,
      String missingItems,
      String missingGift,
      long affectedQuantity) {}

  /** What ships, how many, and why (the reship form's row says it). */
  record Plan(String items, long quantity, String reason, boolean gift) {}

  /** The choices each problem allows: a gift or an item that never came cannot be sent back. */
  static final Map<ProblemKind, Set<BuyerChoice>> CHOICES =
      Map.of(
          ProblemKind.WRONG_PRODUCT,
          EnumSet.of(
              BuyerChoice.EXCHANGE,
              BuyerChoice.KEEP_WITH_DISCOUNT,
              BuyerChoice.RESHIP,
              BuyerChoice.REFUND),
          ProblemKind.MISSING_PRODUCT,
          EnumSet.of(BuyerChoice.RESHIP, BuyerChoice.REFUND),
          ProblemKind.MISSING_GIFT,
          EnumSet.of(BuyerChoice.RESHIP, BuyerChoice.REFUND),
          ProblemKind.WRONG_ADDRESS,
          EnumSet.of(BuyerChoice.RESHIP, BuyerChoice.REFUND));

  static Plan plan(Report r) {
    String ordered = ordered(r);
    return switch (r.kind()) {
      case MISSING_GIFT ->
          new Plan(r.missingGift(), r.affectedQuantity(), "漏发赠品：补寄 " + r.missingGift(), true);
      case WRONG_PRODUCT ->
          new Plan(
              ordered,
              r.affectedQuantity(),
              "发错商品：买家收到 " + r.arrivedItem() + "，应为 " + ordered,
              false);
      case MISSING_PRODUCT -> {
        String missing = r.missingItems() == null ? ordered : r.missingItems();
        yield new Plan(
            missing,
            r.affectedQuantity(),
            "少发商品：缺 " + r.affectedQuantity() + " 件 " + missing,
            false);
      }
      case WRONG_ADDRESS -> new Plan(ordered, r.orderQuantity(), "发错地址：按正确地址重发 " + ordered, false);
    };
  }

  /** The ordered product with its variant, as the reship form names it. */
  static String ordered(Report r) {
    return r.orderedVariant() == null
        ? r.itemTitle()
        : r.itemTitle() + "（" + r.orderedVariant() + "）";
  }

  /**
   * What the buyer pays to keep a wrong item at the documented discount: its price less the rate
   * the decision table gives, for the pieces kept.
   */
  static java.math.BigDecimal differenceDue(
      java.math.BigDecimal keptItemPrice, long pieces, double discountRate) {
    return keptItemPrice
        .multiply(java.math.BigDecimal.valueOf(pieces))
        .multiply(java.math.BigDecimal.ONE.subtract(java.math.BigDecimal.valueOf(discountRate)))
        .setScale(2, java.math.RoundingMode.HALF_UP);
  }
}
