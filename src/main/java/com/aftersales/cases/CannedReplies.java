package com.aftersales.cases;

/** The wording agents send to buyers (话术), by situation. */
public final class CannedReplies {
  private CannedReplies() {}

  public static String apology(CaseKind kind) {
    return switch (kind) {
      case DAMAGE ->
          "亲，非常抱歉让您收到有破损的商品！我们发货前都是仔细检查、认真打包的，"
              + "可能是运输途中快递搬运不够小心造成的，给您添麻烦了。"
              + "请您放心，我们一定负责到底，马上为您处理。";
      case WRONG_ITEM ->
          "亲，真的非常抱歉！经核实是我们发货环节出了差错，给您带来不便了。" + "我们会立刻为您补救，来回运费都由我们承担，也会加强发货核对，避免再出现类似问题。";
      case RETURN -> "亲，收到您的退货申请了，给您添麻烦了。方便说一下是什么原因吗？" + "我们看看有没有更合适的解决办法，如果您仍需要退货，我们也会尽快为您处理。";
      case EXCHANGE -> "亲，收到您的换货申请了，非常抱歉商品没能让您满意。" + "我们先核对一下情况，为您换一件合适的，处理进度会随时告诉您。";
      case COMPLAINT ->
          "亲，非常抱歉给您带来了不好的体验，您反映的情况我已经详细记下了。" + "我们会认真核查、尽快给您一个答复，处理过程中有任何进展都会第一时间告诉您。";
      case REFUND -> "亲，您的退款申请我们收到了，正在按订单状态为您处理，" + "有任何进展都会第一时间告诉您，请您放心。";
    };
  }

  public static String evidenceReminder() {
    return "已提醒买家补充商品及面单照片（凭证超过时限未收到）";
  }

  public static String tracking(String carrier, String trackingNumber) {
    return "亲，补发的商品已经寄出啦：" + carrier + "，单号 " + trackingNumber + "，请注意查收，有任何问题随时联系我们～";
  }
}
