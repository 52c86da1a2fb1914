package com.aftersales.orders;

import java.util.List;

/**
 * The columns of the back office's order report that we use, by the names exports have carried over
 * the years. Columns are found by name, never by position; all others are ignored.
 */
enum ReportColumn {
  ORDER_ID("订单编号"),
  BUYER_ID("买家会员名"),
  GOODS("买家应付货款"),
  POSTAGE("买家应付邮费"),
  TOTAL("总金额"),
  PAID("买家实际支付金额", "买家实付金额"),
  STATUS("订单状态"),
  RECEIVER("收货人姓名"),
  ADDRESS("收货地址"),
  PHONE("联系电话"),
  MOBILE("联系手机"),
  CREATED("订单创建时间"),
  PAID_AT("订单付款时间"),
  TITLE("宝贝标题", "商品标题"),
  QUANTITY("宝贝总数量", "宝贝数量", "商品数量"),
  TRACKING("物流单号"),
  CARRIER("物流公司"),
  REMARK("订单备注", "商家备注"),
  SHOP("店铺名称"),
  CLOSE_REASON("订单关闭原因"),
  BUYER_MESSAGE("买家留言");

  final List<String> names;

  ReportColumn(String... names) {
    this.names = List.of(names);
  }

  /** A heading as written in the file: stray spaces, quotes and a byte-order mark removed. */
  static String normalize(String heading) {
    if (heading == null) {
      return "";
    }
    return heading
        .replace("\uFEFF", "")
        .replace("\u3000", "")
        .replace("\"", "")
        .replace("=", "")
        .replaceAll("\\s+", "")
        .trim();
  }
}
