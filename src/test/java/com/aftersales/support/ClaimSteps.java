package com.aftersales.support;

import com.aftersales.shop.PlatformRefund;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/** Form submissions the claim tests reuse, as Tasklist would send them. */
public final class ClaimSteps {
  private ClaimSteps() {}

  public static Map<String, Object> vars(Object... keyValues) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }

  /**
   * The agent sent the buyer the text the form showed in Qianniu and ticks it, as every form that
   * talks to the buyer asks (see {@code cases/BuyerMessages}).
   */
  public static Map<String, Object> told(Map<String, Object> values) {
    values.put("buyerMessageSent", true);
    return values;
  }

  public static Map<String, Object> evidence() {
    return told(
        vars("photoCount", 3L, "waybillPhotoReceived", true, "evidenceDescription", "外箱压扁，杯身裂开"));
  }

  public static Map<String, Object> damage(String type, long defective, boolean courier) {
    return vars(
        "damageType",
        type,
        "defectiveCount",
        defective,
        "courierAtFault",
        courier,
        "parcelIntact",
        !courier);
  }

  public static Map<String, Object> shipped() {
    return vars("reshipCarrier", "顺丰速运", "reshipTrackingNumber", "SF1234567890");
  }

  public static Map<String, Object> received() {
    return vars("receivedConfirmed", true, "followNote", "买家确认收到");
  }

  /** The buyer's Alipay account (a mobile number), checked with the buyer. */
  public static Map<String, Object> alipay() {
    return vars(
        "payeeChannel",
        "ALIPAY",
        "payeeName",
        "林晓",
        "payeeAccount",
        "13800001234",
        "accountConfirmed",
        true);
  }

  /** Finance transferred the money to the account and says so. */
  public static Map<String, Object> transferred() {
    return vars("refundDecision", "AGREE", "financeNote", "已转账，支付宝流水 2026");
  }

  /** A refund of {@code amount} yuan the buyer filed on the platform, waiting for the seller. */
  public static PlatformRefund platformRefund(String refundId, String orderId, String amount) {
    OffsetDateTime filed = OffsetDateTime.now().minusHours(2);
    return new PlatformRefund(
        refundId,
        orderId,
        orderId,
        new BigDecimal(amount),
        "WAIT_SELLER_AGREE",
        "aftersale",
        filed.toInstant().toEpochMilli(),
        false,
        "BUYER_RECEIVED",
        "质量问题",
        null,
        null,
        filed,
        filed);
  }

  public static Map<String, Object> agree() {
    return vars("refundDecision", "AGREE", "financeNote", "已核对");
  }
}
