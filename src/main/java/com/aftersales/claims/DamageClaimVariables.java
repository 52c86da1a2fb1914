package com.aftersales.claims;

import com.aftersales.base.ProcessVariables;
import com.aftersales.base.Variable;
import com.aftersales.cases.CaseVariables;
import com.aftersales.refund.RefundCallVariables;
import com.aftersales.returns.ReturnCallVariables;
import com.aftersales.warehouse.ReshipCallVariables;
import java.math.BigDecimal;

/** {@code bpmn/damage-claim.bpmn}: its key, the decisions it calls, and its own variables. */
final class DamageClaimVariables {
  static final String PROCESS_KEY = "damage-claim";

  // decisions
  static final String COMPENSATION_DECISION = "compensation-standard";

  // collect-evidence of a damage claim: the photos checked in the same step (no separate check)
  static final Variable<Boolean> CHECKED_WITH_EVIDENCE =
      Variable.flag("checkedWithEvidence", "照片已齐，一并核验");

  // damage-check-evidence
  static final Variable<DamageType> DAMAGE_TYPE =
      Variable.choice("damageType", "破损情况", DamageType.class);
  static final Variable<Long> DEFECTIVE_COUNT = Variable.count("defectiveCount", "有问题的件数");
  static final Variable<Boolean> COURIER_AT_FAULT = Variable.flag("courierAtFault", "快递责任");
  static final Variable<Boolean> PARCEL_INTACT = Variable.flag("parcelIntact", "外包装完好");
  static final Variable<BigDecimal> LOSS_AMOUNT = Variable.money("lossAmount", "快递损失金额");
  static final Variable<String> CHECK_NOTE = Variable.text("checkNote", "核验备注");

  // compensation-standard: its result and the outputs copied out of it
  static final Variable<Object> COMPENSATION_ADVICE = Variable.value("compensationAdvice");
  static final Variable<BigDecimal> SUGGESTED_COMPENSATION =
      Variable.money("suggestedCompensation", "建议补偿");
  static final Variable<BigDecimal> SUGGESTED_CASH_BACK =
      Variable.money("suggestedCashBack", "好评返现");
  static final Variable<Boolean> RESHIP_SEAL_RING = Variable.flag("reshipSealRing", "补寄密封圈");
  static final Variable<Double> REPAIR_FEE_RATE = Variable.decimal("repairFeeRate");

  // damage-offer: the good-review cash-back apart from the compensation, and the repair fee
  static final Variable<BigDecimal> OFFERED_CASH_BACK = Variable.money("offeredCashBack", "好评返现金额");
  static final Variable<Boolean> CASH_BACK_PENDING = Variable.flag("cashBackPending");
  static final Variable<Boolean> BUYER_UNPACKED_USED =
      Variable.flag("buyerUnpackedUsed", "买家自行拆封使用后发现损坏");
  static final Variable<BigDecimal> REPAIR_FEE = Variable.money("repairFee", "维修费");

  // confirm-good-review, and the called refund that pays the cash-back
  static final String CONFIRM_REVIEW_TASK = "userTask_confirmGoodReview";
  static final Variable<Boolean> GOOD_REVIEW_CONFIRMED =
      Variable.flag("goodReviewConfirmed", "已核实买家好评");
  static final Variable<String> REVIEW_NOTE = Variable.text("reviewNote", "核实说明");
  static final Variable<String> CASH_BACK_OUTCOME = Variable.text("cashBackOutcome", "返现结果");

  // arrange-return
  static final Variable<BigDecimal> RETURN_POSTAGE = Variable.money("returnPostage", "买家退货运费");
  static final Variable<BigDecimal> FREIGHT_INSURANCE = Variable.money("freightInsurance", "运费险赔付");
  static final Variable<Boolean> BUYER_INSISTS_ON_RETURN =
      Variable.flag("buyerInsistsOnReturn", "买家坚持退货");
  static final Variable<String> RETURN_NOTE = Variable.text("returnNote", "备注");

  // return-postage: its result and the outputs copied out of it
  static final Variable<Object> POSTAGE_ADVICE = Variable.value("postageAdvice");
  static final Variable<String> RETURN_POLICY = Variable.text("returnPolicy", "处理方式");
  static final Variable<BigDecimal> SHOP_POSTAGE_SHARE =
      Variable.money("shopPostageShare", "店铺承担运费");

  // receive-return (claims of earlier releases; the return flow receives returns now)
  static final Variable<String> RETURN_CARRIER = Variable.text("returnCarrier", "退货快递公司");
  static final Variable<String> RETURN_TRACKING_NUMBER =
      Variable.text("returnTrackingNumber", "退货物流单号");
  static final Variable<Boolean> MATCHES_CASE = Variable.flag("matchesCase", "与售后单一致");
  static final Variable<Boolean> TRANSIT_DAMAGE = Variable.flag("transitDamage", "运输途中新增破损");
  static final Variable<String> INSPECTION_NOTE = Variable.text("inspectionNote", "验货记录");

  static final ProcessVariables PROCESS =
      ProcessVariables.of(
          PROCESS_KEY,
          DamageClaimVariables.class,
          ClaimVariables.class,
          ReshipCallVariables.class,
          CaseVariables.class,
          RefundCallVariables.class,
          ReturnCallVariables.class);

  private DamageClaimVariables() {}
}
