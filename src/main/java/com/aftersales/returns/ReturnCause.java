package com.aftersales.returns;

/** Why a buyer returns or exchanges; the postage-liability table groups them. */
enum ReturnCause {
  BUYER_NO_NEED("不想要了"),
  BUYER_AWAY("不在收货地址"),
  BUYER_ELSEWHERE("在别处买了"),
  BUYER_PROMOTION("想等活动价重新拍"),
  BUYER_ALLERGY("过敏"),
  BUYER_NO_REASON("七天无理由"),
  BUYER_WRONG_ADDRESS("留错地址"),
  BUYER_UNREACHABLE("电话打不通"),
  BUYER_REFUSED("无理由拒收"),
  SHOP_OUT_OF_STOCK("缺货"),
  SHOP_MISSING_ITEM("少发/错发"),
  SHOP_LATE("发货太慢"),
  SHOP_WRONG_ITEM("发错商品"),
  QUALITY("质量问题"),
  COURIER_DAMAGE("快递破损"),
  COURIER_LOST("快递丢件"),
  COURIER_SERVICE("快递服务差/太慢");

  final String label;

  ReturnCause(String label) {
    this.label = label;
  }
}
