package com.aftersales.shop.taobao;

import static com.aftersales.shop.taobao.TopJson.text;

import com.aftersales.shop.PlatformRefund;
import com.aftersales.shop.ShopRefusedException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Agreeing that the buyer returns the goods ({@code taobao.rp.returngoods.agree}) to the seller
 * address {@code aftersales.shop.taobao.return-address-id} of the shop's address library, whose
 * name, address, post code and phones ({@code taobao.logistics.address.search}) Taobao asks for
 * with it; Tmall takes the return address text as the seller's message instead.
 */
final class TaobaoReturns {

  /** The fields of an address-library entry that make the address, in order. */
  private static final List<String> ADDRESS_PARTS =
      List.of("province", "city", "country", "addr"); // not a process variable: address fields

  private final TopClient top;
  private final TaobaoRefunds refunds;
  private final String returnAddressId;

  TaobaoReturns(TopClient top, TaobaoRefunds refunds, String returnAddressId) {
    this.top = top;
    this.refunds = refunds;
    this.returnAddressId = returnAddressId;
  }

  void agree(String orderId, String refundId, String returnAddress) {
    if (refundId == null || refundId.isBlank()) {
      throw new ShopRefusedException("买家没有在淘宝申请退货退款，平台上没有可同意的退货：请让买家在淘宝申请退货退款，或在千牛中把退货地址发给买家");
    }
    if (returnAddressId == null || returnAddressId.isBlank()) {
      throw new ShopRefusedException(
          "未配置退货地址：请在 aftersales.shop.taobao.return-address-id（环境变量 TAOBAO_RETURN_ADDRESS_ID）"
              + "填入卖家地址库中退货地址的 contact_id");
    }
    PlatformRefund r = refunds.current(orderId, refundId);
    if ("WAIT_BUYER_RETURN_GOODS".equals(r.status())) {
      return; // agreed before: the buyer is sending the goods back
    }
    if (!"WAIT_SELLER_AGREE".equals(r.status())) {
      throw new ShopRefusedException(
          "退款 " + refundId + " 当前" + TaobaoRefunds.statusLabel(r.status()) + "，不能同意退货");
    }
    JsonNode address = address();
    Map<String, String> p = new HashMap<>();
    p.put("refund_id", r.refundId());
    p.put("seller_address_id", returnAddressId);
    p.put("name", text(address, "contact_name"));
    p.put("address", join(address, ADDRESS_PARTS));
    p.put("post", text(address, "zip_code"));
    p.put("tel", text(address, "phone")); // not a process variable: the address's field
    p.put("mobile", text(address, "mobile_phone"));
    p.put("remark", returnAddress == null ? null : "退货地址：" + returnAddress);
    p.put("refund_phase", r.phase());
    p.put("refund_version", String.valueOf(r.version()));
    JsonNode answer = top.call("taobao.rp.returngoods.agree", p);
    if (!answer.path("is_success").asBoolean(false)) {
      throw new ShopRefusedException("淘宝没有接受对退款 " + refundId + " 的同意退货，请在千牛中处理");
    }
  }

  /** The configured return address of the shop's address library. */
  private JsonNode address() {
    JsonNode answer = top.call("taobao.logistics.address.search", Map.of());
    for (JsonNode a : TopJson.list(answer, "addresses", "address_result")) {
      if (returnAddressId.equals(text(a, "contact_id"))) {
        return a;
      }
    }
    throw new ShopRefusedException(
        "卖家地址库中没有 contact_id 为 "
            + returnAddressId
            + " 的地址：请核对 aftersales.shop.taobao.return-address-id");
  }

  private static String join(JsonNode node, List<String> fields) {
    StringBuilder s = new StringBuilder();
    for (String f : fields) {
      String part = text(node, f);
      if (part != null) {
        s.append(part);
      }
    }
    return s.isEmpty() ? null : s.toString();
  }
}
