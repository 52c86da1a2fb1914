package com.aftersales.followup;

/**
 * What the agent says on a follow-up call (回访话术), per scenario, and what the buyer is sent in
 * Qianniu once the problem the call uncovered is with the case that handles it.
 */
final class FollowUpWording {
  private FollowUpWording() {}

  static String of(Scenario scenario, String item) {
    return switch (scenario) {
      case RECEIVED ->
          "您好，打扰您一分钟！我是店铺的售后客服。您前几天收到的“"
              + item
              + "”用着还满意吗？想听听您对商品、对我们服务的评价，"
              + "有任何不满意或者建议都可以直接告诉我，我们一定改进。";
      case NOT_RECEIVED ->
          "您好！我是店铺客服，看到您的“" + item + "”已经发出好几天了还没有签收，想跟您确认一下收货地址和电话是否方便收件，" + "我们这边也会马上联系快递帮您催一催。";
      case OUT_OF_STOCK ->
          "您好！非常抱歉通知您，您拍下的“" + item + "”暂时缺货，到货大约还需要几天。您看是愿意稍等一下，" + "还是换一款相近的商品，或者为您办理退款？给您添麻烦了。";
    };
  }

  /** The buyer's problem went to case {@code caseId} of kind {@code kindLabel}. */
  static String routed(String item, String kindLabel, String caseId) {
    return "亲，您好！感谢您接听我们的回访电话～您反映的“"
        + item
        + "”的问题，我们已经为您转入“"
        + kindLabel
        + "”处理，售后单号 "
        + caseId
        + "。会有专人尽快联系您跟进，处理进展也会第一时间告诉您，给您添麻烦了！";
  }
}
