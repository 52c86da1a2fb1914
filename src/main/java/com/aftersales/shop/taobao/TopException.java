package com.aftersales.shop.taobao;

import com.aftersales.shop.ShopRefusedException;

/**
 * The Taobao Open Platform refused a call for a reason of the call itself (an {@code isv.*}
 * business error, a missing permission, an invalid parameter): trying again unchanged does not
 * help. Carries the platform's {@code code}, {@code msg}, {@code sub_code} and {@code sub_msg}.
 */
public class TopException extends ShopRefusedException {

  private final String method;
  private final int code;
  private final String msg;
  private final String subCode;
  private final String subMsg;

  public TopException(String method, int code, String msg, String subCode, String subMsg) {
    super(describe(method, code, msg, subCode, subMsg));
    this.method = method;
    this.code = code;
    this.msg = msg;
    this.subCode = subCode;
    this.subMsg = subMsg;
  }

  /** "淘宝开放平台拒绝了 taobao.trade.memo.update：交易订单不存在（code 15，sub_code isv.trade-not-exist）". */
  static String describe(String method, int code, String msg, String subCode, String subMsg) {
    String reason = subMsg != null && !subMsg.isBlank() ? subMsg : msg;
    StringBuilder s = new StringBuilder("淘宝开放平台拒绝了 ").append(method).append("：").append(reason);
    s.append("（code ").append(code);
    if (msg != null && !msg.isBlank() && !msg.equals(reason)) {
      s.append(" ").append(msg);
    }
    if (subCode != null && !subCode.isBlank()) {
      s.append("，sub_code ").append(subCode);
    }
    return s.append("）").toString();
  }

  public String method() {
    return method;
  }

  public int code() {
    return code;
  }

  public String msg() {
    return msg;
  }

  public String subCode() {
    return subCode;
  }

  public String subMsg() {
    return subMsg;
  }
}
