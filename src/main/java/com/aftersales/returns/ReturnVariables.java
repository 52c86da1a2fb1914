package com.aftersales.returns;

/** Variables of the return and exchange processes (names match the form fields in forms/). */
final class ReturnVariables {
  static final String CAUSE = "cause";
  static final String RECEIPT_STATE = "receiptState";
  static final String GIFT_INCLUDED = "giftIncluded";
  static final String GIFT_VALUE = "giftValue";
  static final String CAUSE_GROUP = "causeGroup";
  static final String POSTAGE_PAID_BY = "postagePaidBy";
  static final String BOOK_COURIER_LOSS = "bookCourierLoss";
  static final String RETURN_ALLOWED = "returnAllowed";
  static final String REFUSAL_REASON = "refusalReason";
  static final String RETENTION_OFFER = "retentionOffer";
  static final String RETENTION_OUTCOME = "retentionOutcome";
  static final String PRICE_DIFFERENCE = "priceDifference";
  static final String RETURN_CARRIER = "returnCarrier";
  static final String RETURN_TRACKING_NUMBER = "returnTrackingNumber";
  static final String RETURN_POSTAGE = "returnPostage";
  static final String PARCELS = "parcels";
  static final String MATCHES_CASE = "matchesCase";
  static final String TRANSIT_DAMAGE = "transitDamage";
  static final String RESALEABLE = "resaleable";
  static final String GIFT_RETURNED = "giftReturned";
  static final String INSPECTION_NOTE = "inspectionNote";
  static final String REFUND_AMOUNT = "refundAmount";
  static final String REFUND_KIND = "refundKind";
  static final String REFUND_REASON = "refundReason";
  static final String LOSS_AMOUNT = "lossAmount";
  // exchange
  static final String SEAL_INTACT = "sealIntact";
  static final String BADLY_DAMAGED = "badlyDamaged";
  static final String REPLACEMENT_ITEM = "replacementItem";
  static final String BUYER_INSISTS_ON_PRODUCT = "buyerInsistsOnProduct";
  static final String RISK_ACKNOWLEDGED = "riskAcknowledged";
  static final String MUST_RETURN = "mustReturn";
  static final String POSTAGE_COLLECTED = "postageCollected";
  static final String COLLECTED_POSTAGE = "collectedPostage";

  private ReturnVariables() {}
}
