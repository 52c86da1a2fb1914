package com.aftersales.claims;

/** What went wrong with a wrong or missing item. */
enum ProblemKind {
  WRONG_PRODUCT("发错商品"),
  MISSING_PRODUCT("少发商品"),
  MISSING_GIFT("漏发赠品"),
  WRONG_ADDRESS("发错地址");

  final String label;

  ProblemKind(String label) {
    this.label = label;
  }
}
