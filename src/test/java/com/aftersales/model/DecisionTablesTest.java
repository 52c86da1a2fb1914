package com.aftersales.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.support.ProcessTestBase;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The decision tables a process owner edits, row by row, as the engine evaluates them. */
class DecisionTablesTest extends ProcessTestBase {

  private Map<String, Object> evaluate(String key, Map<String, Object> inputs) {
    return processEngine
        .getDecisionService()
        .evaluateDecisionTableByKey(key, inputs)
        .getSingleResult()
        .getEntryMap();
  }

  @ParameterizedTest(
      name =
          "{0} {1} -> {2}, postage {3}, courier loss {4}, allowed {5}, deducted from the refund {6}")
  @CsvSource({
    "RETURN,   BUYER_NO_NEED,     BUYER,   BUYER, false, true, false",
    "RETURN,   BUYER_AWAY,        BUYER,   BUYER, false, true, false",
    "RETURN,   BUYER_ELSEWHERE,   BUYER,   BUYER, false, true, false",
    "RETURN,   BUYER_PROMOTION,   BUYER,   BUYER, false, true, false",
    "RETURN,   BUYER_ALLERGY,     BUYER,   BUYER, false, false, false",
    "EXCHANGE, BUYER_ALLERGY,     BUYER,   BUYER, false, true, false",
    "RETURN,   BUYER_NO_REASON,   BUYER,   BUYER, false, true, false",
    "RETURN,   SHOP_OUT_OF_STOCK, SHOP,    SHOP,  false, true, false",
    "RETURN,   SHOP_MISSING_ITEM, SHOP,    SHOP,  false, true, false",
    "EXCHANGE, SHOP_WRONG_ITEM,   SHOP,    SHOP,  false, true, false",
    "RETURN,   SHOP_LATE,         SHOP,    SHOP,  false, true, false",
    "EXCHANGE, QUALITY,           QUALITY, SHOP,  false, true, false",
    "RETURN,   COURIER_DAMAGE,    COURIER, SHOP,  true,  true, false",
    "RETURN,   COURIER_LOST,      COURIER, SHOP,  true,  true, false",
    "EXCHANGE, COURIER_SERVICE,   COURIER, SHOP,  true,  true, false",
    "RETURN,   BUYER_WRONG_ADDRESS, BUYER, BUYER, false, true, true",
    "RETURN,   BUYER_UNREACHABLE, BUYER,   BUYER, false, true, true",
    "RETURN,   BUYER_REFUSED,     BUYER,   BUYER, false, true, true",
  })
  void postageLiability(
      String kind,
      String cause,
      String group,
      String payer,
      boolean courierLoss,
      boolean allowed,
      boolean deductPostage) {
    Map<String, Object> out =
        evaluate(
            "postage-liability", Variables.putValue("caseKind", kind).putValue("cause", cause));
    assertThat(out)
        .containsEntry("causeGroup", group)
        .containsEntry("postagePaidBy", payer)
        .containsEntry("bookCourierLoss", courierLoss)
        .containsEntry("returnAllowed", allowed)
        .containsEntry("deductPostage", deductPostage);
    if (!allowed) {
      assertThat((String) out.get("refusalReason")).isNotBlank();
    }
  }

  @ParameterizedTest(
      name = "{0} at {1} yuan -> {2} + {3} cash-back, agent limit {4}, cap {5}, seal ring {6}")
  @CsvSource({
    "USABLE,   100.00, 2.0, 3.0, 5.0, 50.0, false",
    "USABLE,     6.00, 2.0, 3.0, 3.0,  3.0, false", // never more than half the price
    "LEAKING,   60.00, 2.0, 3.0, 5.0, 30.0, true",
    "SCRATCH,   60.00, 1.0, 0.0, 2.0, 30.0, false",
    "COSMETIC,  60.00, 1.0, 3.0, 5.0, 30.0, false",
    "UNUSABLE,  60.00, 0.0, 0.0, 0.0, 30.0, false",
  })
  void compensationStandard(
      String damage,
      double price,
      double comp,
      double cashBack,
      double limit,
      double cap,
      boolean sealRing) {
    Map<String, Object> out =
        evaluate(
            "compensation-standard",
            Variables.putValue("damageType", damage).putValue("itemPrice", price));
    assertThat(((Number) out.get("suggestedCompensation")).doubleValue()).isEqualTo(comp);
    assertThat(((Number) out.get("suggestedCashBack")).doubleValue()).isEqualTo(cashBack);
    assertThat(((Number) out.get("agentLimit")).doubleValue()).isEqualTo(limit);
    assertThat(((Number) out.get("hardCap")).doubleValue()).isEqualTo(cap);
    assertThat(out).containsEntry("reshipSealRing", sealRing);
    // seed 000: a buyer who unpacked and used the goods has 20 % of their value deducted
    assertThat(((Number) out.get("repairFeeRate")).doubleValue()).isEqualTo(0.2);
  }

  @ParameterizedTest(
      name = "postage {0}, insurance {1}, insists {2}, {3} of {4} defective -> {5} {6}")
  @CsvSource({
    "12.0, 8.0, false, 1, 2, SHOP_PAYS_DIFFERENCE, 2.0",
    "13.0, 0.0, false, 1, 1, SHOP_PAYS_DIFFERENCE, 13.0",
    "13.5, 0.0, false, 1, 1, NEGOTIATE_HIGHER_COMPENSATION, 0.0",
    "20.0, 5.0, true,  2, 2, SHOP_PAYS_DIFFERENCE, 8.0",
  })
  void returnPostage(
      double postage,
      double insurance,
      boolean insists,
      long defective,
      long quantity,
      String policy,
      double share) {
    Map<String, Object> out =
        evaluate(
            "return-postage",
            Variables.putValue("returnPostage", postage)
                .putValue("freightInsurance", insurance)
                .putValue("buyerInsistsOnReturn", insists)
                .putValue("defectiveCount", defective)
                .putValue("quantity", quantity));
    assertThat(out).containsEntry("returnPolicy", policy);
    assertThat(((Number) out.get("shopPostageShare")).doubleValue()).isEqualTo(share);
  }
}
