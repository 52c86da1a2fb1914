package com.aftersales.returns;

/**
 * The answers of the {@code postage-liability} decision that code reads back: who is to blame for
 * the return or exchange, and who pays the postage of sending it back.
 */
final class PostageLiability {

  /** Who is responsible (the register's return type). */
  enum CauseGroup {
    BUYER,
    SHOP,
    QUALITY,
    COURIER
  }

  /** Who bears the return postage. */
  enum Payer {
    BUYER("买家"),
    SHOP("店铺");

    final String label;

    Payer(String label) {
      this.label = label;
    }
  }

  private PostageLiability() {}
}
