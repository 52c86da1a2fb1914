package com.aftersales.claims;

/** Variables of the damage and wrong-item claims (names match the form fields in forms/). */
public final class ClaimVariables {
  // collect-evidence
  public static final String PHOTO_COUNT = "photoCount";
  public static final String WAYBILL_PHOTO_RECEIVED = "waybillPhotoReceived";
  public static final String EVIDENCE_DESCRIPTION = "evidenceDescription";
  // damage-check-evidence
  public static final String PARCEL_INTACT = "parcelIntact";
  public static final String DAMAGE_TYPE = "damageType";
  public static final String DEFECTIVE_COUNT = "defectiveCount";
  public static final String COURIER_AT_FAULT = "courierAtFault";
  public static final String LOSS_AMOUNT = "lossAmount";
  // decision outputs
  public static final String AGENT_LIMIT = "agentLimit";
  public static final String HARD_CAP = "hardCap";
  public static final String RESHIP_SEAL_RING = "reshipSealRing";
  public static final String RETURN_POLICY = "returnPolicy";
  public static final String SHOP_POSTAGE_SHARE = "shopPostageShare";
  // offer
  public static final String BUYER_CHOICE = "buyerChoice";
  public static final String OFFERED_COMPENSATION = "offeredCompensation";
  public static final String DISCOUNT_AMOUNT = "discountAmount";
  public static final String REFUND_AMOUNT = "refundAmount";
  public static final String RESOLUTION_NOTE = "resolutionNote";
  public static final String RIDE_ALONG_ORDER_ID = "rideAlongOrderId";
  public static final String RESHIP_QUANTITY = "reshipQuantity";
  public static final String NEEDS_APPROVAL = "needsApproval";
  // approval
  public static final String APPROVED = "approved";
  public static final String APPROVAL_NOTE = "approvalNote";
  // return
  public static final String RETURN_POSTAGE = "returnPostage";
  public static final String FREIGHT_INSURANCE = "freightInsurance";
  public static final String BUYER_INSISTS_ON_RETURN = "buyerInsistsOnReturn";
  public static final String RETURN_CARRIER = "returnCarrier";
  public static final String RETURN_TRACKING_NUMBER = "returnTrackingNumber";
  public static final String MATCHES_CASE = "matchesCase";
  // wrong item
  public static final String MISTAKE_CONFIRMED = "mistakeConfirmed";
  public static final String PROBLEM_KIND = "problemKind";
  public static final String CAUSE = "cause";
  public static final String VERIFY_NOTE = "verifyNote";

  private ClaimVariables() {}
}
