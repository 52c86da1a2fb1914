package com.aftersales.claims;

import static com.aftersales.claims.ClaimVariables.*;
import static com.aftersales.claims.DamageClaimVariables.OFFERED_CASH_BACK;
import static com.aftersales.refund.RefundCallVariables.*;
import static com.aftersales.warehouse.ReshipCallVariables.RESHIP_QUANTITY;

import com.aftersales.base.InvalidInputException;
import com.aftersales.base.Variable;
import com.aftersales.cases.CaseKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The checks an agent's proposal must pass, whatever the form let through. Pure functions: the
 * limits come from the decision tables, the amounts from the back office.
 */
final class ClaimRules {

  private ClaimRules() {}

  /** The limits that apply to one case: from the decision table and the order. */
  record Limits(BigDecimal agentLimit, BigDecimal hardCap, BigDecimal refundable) {}

  /** What the agent agreed with the buyer, as submitted. */
  record Proposal(
      CaseKind kind,
      String choice,
      BigDecimal offeredCompensation,
      BigDecimal discountAmount,
      BigDecimal refundAmount,
      long reshipQuantity) {}

  /** The checked resolution: what the next steps do. */
  record Resolution(
      BuyerChoice choice,
      boolean needsApproval,
      BigDecimal refundAmount,
      String refundKind,
      String refundReason,
      long reshipQuantity,
      String reshipReason) {}

  static BuyerChoice parseChoice(CaseKind kind, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(BUYER_CHOICE, "请选择买家的处理方案");
    }
    BuyerChoice choice =
        Arrays.stream(BuyerChoice.values())
            .filter(c -> c.name().equals(value.trim()))
            .findFirst()
            .orElse(null);
    if (choice == null || !choice.kinds.contains(kind)) {
      String allowed =
          Arrays.stream(BuyerChoice.values())
              .filter(c -> c.kinds.contains(kind))
              .map(c -> c.name() + " " + c.label)
              .collect(Collectors.joining("、"));
      throw new InvalidInputException(
          BUYER_CHOICE, "方案 “" + value + "” 不适用于" + kind.label() + "售后，可选：" + allowed);
    }
    return choice;
  }

  static Resolution check(Proposal p, Limits limits, long quantity) {
    BuyerChoice choice = parseChoice(p.kind(), p.choice());
    return switch (choice) {
      case ACCEPT_COMPENSATION ->
          payment(
              choice,
              p.offeredCompensation(),
              OFFERED_COMPENSATION,
              limits,
              "COMPENSATION",
              "破损补偿");
      case KEEP_WITH_DISCOUNT ->
          payment(choice, p.discountAmount(), DISCOUNT_AMOUNT, limits, "DISCOUNT", "错发商品买家留用，补差价");
      case REFUND -> {
        BigDecimal amount = required(p.refundAmount(), REFUND_AMOUNT);
        positiveWithin(amount, limits.refundable(), REFUND_AMOUNT);
        yield new Resolution(choice, false, amount, "REFUND", p.kind().label() + "退款", 0, null);
      }
      case RESHIP, EXCHANGE -> {
        if (p.reshipQuantity() < 1 || p.reshipQuantity() > quantity) {
          throw new InvalidInputException(
              RESHIP_QUANTITY, "补发数量应在 1 到 " + quantity + " 件之间（订单购买数量）");
        }
        String reason =
            choice == BuyerChoice.EXCHANGE ? "换货：买家寄回错发商品，补发正确商品" : p.kind().label() + "补发";
        yield new Resolution(choice, false, null, null, null, p.reshipQuantity(), reason);
      }
      case RETURN -> new Resolution(choice, false, null, null, null, 0, null);
    };
  }

  private static Resolution payment(
      BuyerChoice choice,
      BigDecimal offered,
      Variable<BigDecimal> field,
      Limits limits,
      String kind,
      String reason) {
    BigDecimal amount = required(offered, field);
    positiveWithin(amount, limits.refundable(), field);
    if (amount.compareTo(limits.hardCap()) > 0) {
      throw new InvalidInputException(
          field,
          field.label()
              + " "
              + amount
              + " 元超过封顶 "
              + limits.hardCap()
              + " 元（不超过商品价格的一半），主管也不能批准，请改为退款、补发或退货");
    }
    boolean needsApproval = amount.compareTo(limits.agentLimit()) > 0;
    return new Resolution(choice, needsApproval, amount, kind, reason, 0, null);
  }

  private static BigDecimal required(BigDecimal amount, Variable<BigDecimal> field) {
    if (amount == null) {
      throw new InvalidInputException(field, "请填写" + field.label());
    }
    return amount;
  }

  static void positiveWithin(BigDecimal amount, BigDecimal refundable, Variable<BigDecimal> field) {
    if (amount.signum() <= 0) {
      throw new InvalidInputException(field, field.label() + "必须大于 0 元");
    }
    if (amount.compareTo(refundable) > 0) {
      throw new InvalidInputException(
          field, field.label() + " " + amount + " 元超过买家实付可退金额 " + refundable + " 元");
    }
  }

  /** The good-review cash-back as checked: its amount and whether the whole needs approval. */
  record CashBack(BigDecimal amount, boolean needsApproval) {}

  /**
   * The cash-back agreed beside a compensation: the two together stay within the cap and what the
   * buyer paid, and above the agent's limit they need a supervisor (seed 001: 2 + 3, at most 5).
   */
  static CashBack cashBack(BigDecimal compensation, BigDecimal cashBack, Limits limits) {
    BigDecimal back = cashBack == null ? BigDecimal.ZERO : cashBack;
    if (back.signum() < 0) {
      throw new InvalidInputException(OFFERED_CASH_BACK, "好评返现金额不能为负数");
    }
    BigDecimal total = compensation.add(back);
    if (total.compareTo(limits.hardCap()) > 0) {
      throw new InvalidInputException(
          OFFERED_CASH_BACK,
          "补偿 "
              + compensation
              + " 元 + 好评返现 "
              + back
              + " 元超过封顶 "
              + limits.hardCap()
              + " 元（不超过商品价格的一半），主管也不能批准");
    }
    if (total.compareTo(limits.refundable()) > 0) {
      throw new InvalidInputException(
          OFFERED_CASH_BACK, "补偿加好评返现共 " + total + " 元超过买家实付可退金额 " + limits.refundable() + " 元");
    }
    return new CashBack(
        back.setScale(2, RoundingMode.HALF_UP), total.compareTo(limits.agentLimit()) > 0);
  }

  /**
   * The repair fee of goods the buyer unpacked and used before finding the damage (seed 000): the
   * rate of the defective items' value, to the fen.
   */
  static BigDecimal repairFee(BigDecimal itemPrice, long defectiveCount, BigDecimal rate) {
    if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) > 0) {
      throw new IllegalStateException("repair fee rate " + rate + " is not between 0 and 1");
    }
    return itemPrice
        .multiply(BigDecimal.valueOf(defectiveCount))
        .multiply(rate)
        .setScale(2, RoundingMode.HALF_UP);
  }

  /** The refund once the repair fee is deducted; refused when nothing would be left. */
  static BigDecimal afterRepairFee(BigDecimal refund, BigDecimal fee) {
    BigDecimal net = refund.subtract(fee).setScale(2, RoundingMode.HALF_UP);
    if (net.signum() <= 0) {
      throw new InvalidInputException(
          REFUND_AMOUNT, "退款 " + refund + " 元扣除维修费 " + fee + " 元后不剩余额，请核对退款金额");
    }
    return net;
  }

  /**
   * What the shop refunds for a return: the defective items plus its share of the postage, never
   * more than is still refundable.
   */
  static BigDecimal returnRefund(
      BigDecimal itemPrice, long defectiveCount, BigDecimal postageShare, BigDecimal refundable) {
    BigDecimal amount =
        itemPrice
            .multiply(BigDecimal.valueOf(defectiveCount))
            .add(postageShare)
            .setScale(2, RoundingMode.HALF_UP);
    return amount.min(refundable);
  }
}
