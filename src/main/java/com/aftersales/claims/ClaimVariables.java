package com.aftersales.claims;

import com.aftersales.base.Variable;
import java.math.BigDecimal;

/**
 * Variables the damage and the wrong-item claim share: evidence, the offer to the buyer, its
 * approval and what the called refund reads. Listed in both claims' {@code PROCESS}; names match
 * the form fields in {@code forms/}.
 */
final class ClaimVariables {
  // element ids (the same in both claims)
  static final String COLLECT_EVIDENCE_TASK = "userTask_collectEvidence";

  // collect-evidence
  static final Variable<Long> PHOTO_COUNT = Variable.count("photoCount", "照片数量");
  static final Variable<Boolean> WAYBILL_PHOTO_RECEIVED =
      Variable.flag("waybillPhotoReceived", "面单照片");
  static final Variable<String> EVIDENCE_DESCRIPTION = Variable.text("evidenceDescription", "照片说明");

  // outputs of both decision tables (compensation-standard, wrong-item-resolution)
  static final Variable<BigDecimal> AGENT_LIMIT = Variable.money("agentLimit", "客服可直接答应的上限");
  static final Variable<BigDecimal> HARD_CAP = Variable.money("hardCap", "封顶");
  static final Variable<String> SUGGESTED_RESOLUTION =
      Variable.text("suggestedResolution", "系统建议方案");

  // damage-offer, wrong-item-offer
  static final Variable<BuyerChoice> BUYER_CHOICE =
      Variable.choice("buyerChoice", "买家的选择", BuyerChoice.class);
  static final Variable<BigDecimal> OFFERED_COMPENSATION =
      Variable.money("offeredCompensation", "补偿金额");
  static final Variable<BigDecimal> DISCOUNT_AMOUNT = Variable.money("discountAmount", "补差价金额");
  static final Variable<String> RESOLUTION_NOTE = Variable.text("resolutionNote", "协商记录");
  static final Variable<Boolean> NEEDS_APPROVAL = Variable.flag("needsApproval");

  // approve-resolution
  static final Variable<Boolean> APPROVED = Variable.flag("approved", "批准");
  static final Variable<String> APPROVAL_NOTE = Variable.text("approvalNote", "审批意见");

  // handed to the called refund (with refundAmount and the case variables), and its answer

  private ClaimVariables() {}
}
