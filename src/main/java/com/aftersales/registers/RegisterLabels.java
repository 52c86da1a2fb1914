package com.aftersales.registers;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The Chinese words for every code a register stores (the flows keep codes, people read words): the
 * one place an export translates them. Each map holds the codes of one register column, in the
 * words the forms show; composite codes ({@code BUYER/BUYER_AWAY}) are translated part by part. A
 * new code needs its word here; {@code RegisterLabelsTest} exports every register and finds any
 * code left untranslated.
 */
final class RegisterLabels {

  static final Map<String, String> CASE_KIND =
      Map.of(
          "DAMAGE", "破损",
          "WRONG_ITEM", "发错/少发",
          "RETURN", "退货",
          "EXCHANGE", "换货",
          "REFUND", "退款",
          "COMPLAINT", "投诉",
          "LOGISTICS", "物流异常",
          "PRICE_DROP", "降价退差价");

  static final Map<String, String> CASE_STATUS = Map.of("OPEN", "处理中", "CLOSED", "已结案");

  /** A case's category: what went wrong (claims, returns) or how a refund ended. */
  static final Map<String, String> CASE_CATEGORY =
      Map.ofEntries(
          // damage
          Map.entry("USABLE", "不影响使用"),
          Map.entry("UNUSABLE", "无法使用"),
          Map.entry("LEAKING", "漏液/污染"),
          Map.entry("SCRATCH", "划痕"),
          Map.entry("COSMETIC", "外观瑕疵"),
          // wrong or missing items and their cause
          Map.entry("WRONG_PRODUCT", "发错商品"),
          Map.entry("MISSING_PRODUCT", "少发商品"),
          Map.entry("MISSING_GIFT", "漏发赠品"),
          Map.entry("WRONG_ADDRESS", "发错地址"),
          Map.entry("AGENT_NOTE_MISSING", "客服漏备注"),
          Map.entry("WAREHOUSE_PICKING", "仓库配货失误"),
          Map.entry("ADDRESS", "地址问题"),
          // returns: who is responsible, then the cause
          Map.entry("BUYER", "买家原因"),
          Map.entry("SHOP", "我方原因"),
          Map.entry("QUALITY", "质量问题"),
          Map.entry("COURIER", "快递原因"),
          Map.entry("BUYER_NO_NEED", "不想要了"),
          Map.entry("BUYER_AWAY", "不在收货地址"),
          Map.entry("BUYER_ELSEWHERE", "在别处买了"),
          Map.entry("BUYER_PROMOTION", "想等活动价重新拍"),
          Map.entry("BUYER_ALLERGY", "过敏"),
          Map.entry("BUYER_NO_REASON", "七天无理由"),
          Map.entry("SHOP_OUT_OF_STOCK", "缺货"),
          Map.entry("SHOP_MISSING_ITEM", "少发/错发"),
          Map.entry("SHOP_LATE", "发货太慢"),
          Map.entry("SHOP_WRONG_ITEM", "发错商品"),
          Map.entry("COURIER_DAMAGE", "快递破损"),
          Map.entry("COURIER_LOST", "快递丢件"),
          Map.entry("COURIER_SERVICE", "快递服务差/太慢"),
          // refunds: how it ended, then who paid
          Map.entry("NONE", "无可退金额"),
          Map.entry("PENDING", "未决"),
          Map.entry("AGREED", "已同意退款"),
          Map.entry("REJECTED", "已驳回"),
          Map.entry("WITHDRAWN", "已撤销"),
          Map.entry("CLOSED", "已关闭"),
          Map.entry("FINANCE", "财务退款"),
          Map.entry("TRANSFER", "财务转账"),
          Map.entry("PLATFORM", "平台退款"),
          Map.entry("BACK_OFFICE", "后台退款"));

  static final Map<String, String> CLAIM_STATE = Map.of("OPEN", "待索赔", "CLAIMED", "已索赔");

  static final Map<String, String> RETURN_TYPE =
      Map.of("BUYER", "买家原因", "SHOP", "我方原因", "QUALITY", "质量问题", "COURIER", "快递原因");

  static final Map<String, String> CONTACT_CHANNEL =
      Map.of("PHONE", "电话", "WANGWANG", "旺旺", "SMS", "短信");

  static final Map<String, String> ANSWERED_BY =
      Map.of("BUYER", "买家本人", "OTHER", "他人代接", "NOBODY", "无人接听/未回复");

  static final Map<String, String> DUNNING_RESULT =
      Map.of(
          "WILL_PAY", "会付款",
          "PRICE", "觉得价格高",
          "PAYMENT_TROUBLE", "付款遇到问题",
          "CHANGED_MIND", "不想要了",
          "UNREACHABLE", "联系不上");

  static final Map<String, String> SCENARIO =
      Map.of("RECEIVED", "已签收回访", "NOT_RECEIVED", "未收到货回访", "OUT_OF_STOCK", "缺货通知");

  /** The default regions of {@code aftersales.follow-up.regions}. */
  static final Map<String, String> REGION =
      Map.of(
          "EAST", "华东",
          "NORTH", "华北",
          "NORTHEAST", "东北",
          "CENTRAL", "华中",
          "SOUTH", "华南",
          "SOUTHWEST", "西南",
          "NORTHWEST", "西北",
          "OTHER", "其他/地址不详");

  static final Map<String, String> SATISFACTION =
      Map.of("VERY", "非常满意", "BASIC", "基本满意", "NOT", "不满意");

  static final Map<String, String> PROBLEM =
      Map.of("NONE", "没有问题", "PRODUCT", "商品问题", "LOGISTICS", "物流问题", "SERVICE", "服务问题");

  static final Map<String, String> ROUTE_TO =
      Map.of(
          "NONE", "不需要处理",
          "DAMAGE", "转破损售后",
          "WRONG_ITEM", "转发错/少发售后",
          "RETURN", "转退货",
          "COMPLAINT", "转投诉",
          "LOGISTICS", "转物流异常/查件");

  static final Map<String, String> CALL_OUTCOME =
      Map.of("DONE", "已回访", "ROUTED", "已转处理", "NOT_REACHED", "未联系上");

  static final Map<String, String> COMPLAINT_KIND =
      Map.of(
          "QUALITY", "质量问题",
          "SERVICE", "服务问题",
          "USAGE", "使用问题",
          "PRICE", "价格问题",
          "MALICIOUS", "恶意投诉");

  static final Map<String, String> DEPARTMENT =
      Map.of(
          "WAREHOUSE", "仓库",
          "PRODUCT", "商品/采购",
          "SERVICE", "客服",
          "LOGISTICS", "物流",
          "LEGAL", "法务");

  private RegisterLabels() {}

  /** {@code code} in words: each part of a composite code, the code itself when unknown. */
  static String translate(Map<String, String> labels, String code) {
    if (code == null || labels == null) {
      return code;
    }
    return Arrays.stream(code.split("/", -1))
        .map(part -> labels.getOrDefault(part, part))
        .collect(Collectors.joining("/"));
  }

  /** A yes/no cell. */
  static String yesNo(Boolean b) {
    return b == null ? null : b ? "是" : "否";
  }
}
