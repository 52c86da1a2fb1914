package com.aftersales.claims;

import com.aftersales.cases.CaseKind;
import java.util.EnumSet;
import java.util.Set;

/** What the buyer chose after the apology. */
enum BuyerChoice {
  ACCEPT_COMPENSATION("接受补偿", EnumSet.of(CaseKind.DAMAGE)),
  RETURN("拒绝补偿，要求退货", EnumSet.of(CaseKind.DAMAGE)),
  RESHIP("补发", EnumSet.of(CaseKind.DAMAGE, CaseKind.WRONG_ITEM)),
  REFUND("退款", EnumSet.of(CaseKind.DAMAGE, CaseKind.WRONG_ITEM)),
  KEEP_WITH_DISCOUNT("留用并补差价", EnumSet.of(CaseKind.WRONG_ITEM)),
  EXCHANGE("换货", EnumSet.of(CaseKind.WRONG_ITEM));

  final String label;
  final Set<CaseKind> kinds;

  BuyerChoice(String label, Set<CaseKind> kinds) {
    this.label = label;
    this.kinds = kinds;
  }
}
