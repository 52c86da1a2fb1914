package com.aftersales.cases;

/** Process variables every case process shares (and passes to the reship and refund flows). */
public final class CaseVariables {
  public static final String CASE_ID = "caseId";
  public static final String CASE_KIND = "caseKind";
  public static final String CASE_KIND_LABEL = "caseKindLabel";
  public static final String ORDER_ID = "orderId";
  public static final String BUYER_ID = "buyerId";
  public static final String BUYER_NAME = "buyerName";
  public static final String DESCRIPTION = "description";
  public static final String ITEM_TITLE = "itemTitle";
  public static final String ITEM_PRICE = "itemPrice";
  public static final String QUANTITY = "quantity";
  public static final String TOTAL_PAID = "totalPaid";
  public static final String REFUNDABLE = "refundable";
  public static final String CARRIER = "carrier";
  public static final String TRACKING_NUMBER = "trackingNumber";
  public static final String APOLOGY_TEXT = "apologyText";

  /** Who decided the resolution with the buyer; fills "registered by" on register rows. */
  public static final String RESOLVED_BY = "resolvedBy";

  private CaseVariables() {}
}
