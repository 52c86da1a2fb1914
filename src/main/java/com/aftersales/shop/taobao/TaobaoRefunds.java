package com.aftersales.shop.taobao;

import static com.aftersales.shop.taobao.TopJson.list;
import static com.aftersales.shop.taobao.TopJson.text;

import com.aftersales.shop.PlatformRefund;
import com.aftersales.shop.ShopRefusedException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The buyer's refunds on the platform: read ({@code taobao.refund.get}, {@code
 * taobao.refunds.receive.get}) and answered ({@code taobao.rp.refunds.agree}, {@code
 * taobao.refund.refuse}). Every answer first reads the refund afresh for its version and phase; a
 * refund already in the state the answer would bring is left as it is (an answer given twice
 * changes nothing twice).
 */
final class TaobaoRefunds {

  static final String FIELDS =
      "refund_id,tid,oid,status,refund_fee,total_fee,refund_phase,refund_version,has_good_return,"
          + "good_status,reason,company_name,sid,created,modified,dispute_type";

  private static final int PAGE_SIZE = 100;
  private static final int MAX_PAGES = 1000;

  private final TopClient top;

  TaobaoRefunds(TopClient top) {
    this.top = top;
  }

  Optional<PlatformRefund> find(String refundId) {
    if (!TopJson.isId(refundId)) {
      return Optional.empty();
    }
    try {
      JsonNode refund =
          top.call("taobao.refund.get", Map.of("fields", FIELDS, "refund_id", refundId))
              .get("refund");
      return Optional.ofNullable(refund).map(TaobaoRefunds::toRefund);
    } catch (TopException e) {
      if (TaobaoTrades.notFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * The refund, read afresh; refused when the platform does not know it or it is not the order's.
   */
  PlatformRefund current(String orderId, String refundId) {
    PlatformRefund r =
        find(refundId)
            .orElseThrow(() -> new ShopRefusedException("淘宝上找不到退款 " + refundId + "，请核对退款编号"));
    if (!r.orderId().equals(orderId)) {
      throw new ShopRefusedException(
          "退款 " + refundId + " 属于订单 " + r.orderId() + "，不是订单 " + orderId + "，未作处理");
    }
    return r;
  }

  /** The seller's refunds modified in {@code [from, to)}, oldest change first. */
  List<PlatformRefund> modified(OffsetDateTime from, OffsetDateTime to) {
    Map<String, String> p = new HashMap<>();
    p.put("fields", FIELDS);
    p.put("start_modified", TopJson.format(from));
    p.put("end_modified", TopJson.format(to));
    p.put("page_size", String.valueOf(PAGE_SIZE));
    p.put("use_has_next", "true");
    Map<String, PlatformRefund> found = new java.util.LinkedHashMap<>();
    for (int page = 1; ; page++) {
      if (page > MAX_PAGES) {
        throw new IllegalStateException(
            "taobao.refunds.receive.get: more than " + MAX_PAGES + " pages");
      }
      p.put("page_no", String.valueOf(page));
      JsonNode answer = top.call("taobao.refunds.receive.get", p);
      for (JsonNode r : list(answer, "refunds", "refund")) {
        PlatformRefund refund = toRefund(r);
        found.put(refund.refundId(), refund);
      }
      if (!answer.path("has_next").asBoolean(false)) {
        break;
      }
    }
    List<PlatformRefund> refunds = new ArrayList<>();
    for (PlatformRefund r : found.values()) {
      if (r.modified() == null || (!r.modified().isBefore(from) && r.modified().isBefore(to))) {
        refunds.add(r);
      }
    }
    refunds.sort(
        Comparator.comparing(
                PlatformRefund::modified, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(PlatformRefund::refundId));
    return refunds;
  }

  /**
   * Agrees the refund for exactly the amount the buyer asked for: {@code refund_infos} is {@code
   * refund_id|amount in fen|version|phase}.
   */
  void agree(String orderId, String refundId, BigDecimal amount) {
    PlatformRefund r = current(orderId, refundId);
    if ("SUCCESS".equals(r.status())) {
      return; // agreed before: the buyer has the money
    }
    if (!"WAIT_SELLER_AGREE".equals(r.status())
        && !"WAIT_SELLER_CONFIRM_GOODS".equals(r.status())) {
      throw new ShopRefusedException(
          "退款 " + refundId + " 当前" + statusLabel(r.status()) + "，不能同意退款");
    }
    if (r.amount() == null || amount.compareTo(r.amount()) != 0) {
      throw new ShopRefusedException(
          "买家在淘宝申请退款 "
              + (r.amount() == null ? "?" : r.amount().toPlainString())
              + " 元，与要同意的 "
              + amount.toPlainString()
              + " 元不一致：平台只能按买家申请的金额退款，请与买家协商修改退款申请后再同意");
    }
    String infos = r.refundId() + "|" + fen(amount) + "|" + r.version() + "|" + r.phase();
    JsonNode answer = top.call("taobao.rp.refunds.agree", Map.of("refund_infos", infos));
    JsonNode result =
        list(answer, "results", "refund_mapping_result").stream()
            .filter(x -> text(x, "refund_id") == null || refundId.equals(text(x, "refund_id")))
            .findFirst()
            .orElse(null);
    boolean succ =
        answer.path("succ").asBoolean(false)
            && (result == null || result.path("succ").asBoolean(false));
    if (succ) {
      return;
    }
    String msgCode = text(answer, "msg_code");
    if ("SEND_CODE_SUCC".equals(msgCode)) {
      throw new ShopRefusedException(
          "淘宝要求短信验证才能同意退款 " + refundId + "（验证码已发到卖家手机）：请在千牛中同意该退款。本系统未记为已退款");
    }
    String why =
        result != null && text(result, "message") != null
            ? text(result, "message")
            : text(answer, "message");
    throw new ShopRefusedException(
        "淘宝没有同意退款 "
            + refundId
            + "："
            + (why == null ? "未说明原因" : why)
            + "（msg_code "
            + msgCode
            + "）");
  }

  /** Refuses the refund with the reason the buyer sees (2–200 characters on the platform). */
  void refuse(String orderId, String refundId, String reason) {
    PlatformRefund r = current(orderId, refundId);
    if ("SELLER_REFUSE_BUYER".equals(r.status())) {
      return; // refused before
    }
    if (r.finished()) {
      throw new ShopRefusedException("退款 " + refundId + " 当前" + statusLabel(r.status()) + "，不能拒绝");
    }
    Map<String, String> p = new HashMap<>();
    p.put("refund_id", r.refundId());
    p.put("refuse_message", refuseMessage(reason));
    p.put("refund_phase", r.phase());
    p.put("refund_version", String.valueOf(r.version()));
    JsonNode answer = top.call("taobao.refund.refuse", p);
    if (!answer.path("is_success").asBoolean(false)) {
      throw new ShopRefusedException("淘宝没有接受对退款 " + refundId + " 的拒绝，请在千牛中处理");
    }
  }

  static String refuseMessage(String reason) {
    String r = reason == null ? "" : reason.strip();
    if (r.length() < 2) {
      r = "卖家拒绝退款" + r;
    }
    return r.length() <= 200 ? r : r.substring(0, 199) + "…";
  }

  static long fen(BigDecimal yuan) {
    try {
      return yuan.movePointRight(2).longValueExact();
    } catch (ArithmeticException e) {
      throw new ShopRefusedException("退款金额 " + yuan.toPlainString() + " 元不是整分，无法在淘宝退款");
    }
  }

  static String statusLabel(String status) {
    return switch (status == null ? "" : status) {
      case "WAIT_SELLER_AGREE" -> "为“买家已申请退款，等待卖家同意”";
      case "WAIT_BUYER_RETURN_GOODS" -> "为“卖家已同意，等待买家退货”";
      case "WAIT_SELLER_CONFIRM_GOODS" -> "为“买家已退货，等待卖家确认收货”";
      case "SELLER_REFUSE_BUYER" -> "为“卖家已拒绝退款”";
      case "CLOSED" -> "为“退款关闭”";
      case "SUCCESS" -> "为“退款成功”";
      default -> "状态为 " + status;
    };
  }

  static PlatformRefund toRefund(JsonNode r) {
    return new PlatformRefund(
        text(r, "refund_id"),
        text(r, "tid"),
        text(r, "oid"),
        TopJson.money(r, "refund_fee"),
        text(r, "status"),
        text(r, "refund_phase"),
        r.path("refund_version").asLong(0),
        r.path("has_good_return").asBoolean(false),
        text(r, "good_status"),
        text(r, "reason"),
        text(r, "company_name"),
        text(r, "sid"),
        TopJson.time(r, "created"),
        TopJson.time(r, "modified"));
  }
}
