package com.aftersales.claims;

/** What went wrong with a wrong or missing item. */
enum ProblemKind {
  WRONG_PRODUCT,
  MISSING_PRODUCT,
  MISSING_GIFT,
  WRONG_ADDRESS
}
