package com.aftersales.cases;

/**
 * The wording agents send to buyers (话术), by situation. The messages with the case's values (order,
 * item, amounts, address, deadlines) are what the agent copies into Qianniu and what is recorded as
 * sent once the agent confirms it.
 */
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
      case LOGISTICS -> "亲，非常抱歉您的包裹没能按时送到，给您添麻烦了。" + "我们已经在和快递核实情况、帮您催件，有任何进展都会第一时间告诉您，请您放心。";
      case PRICE_DROP -> "亲，您反映的降价差价我们收到了，已经为您向主管申请退差价，" + "有结果会第一时间告诉您，请您放心。";
    };
  }

  /** The apology of {@link #apology(CaseKind)}, naming the buyer's order and item. */
  public static String apology(CaseKind kind, String orderId, String item) {
    String apology = apology(kind);
    return "亲，关于您订单 " + orderId + " 的「" + item + "」，" + apology.substring(apology.indexOf('，') + 1);
  }

  /** Asks for the photos a damage or wrong-item claim needs, by {@code due}. */
  public static String evidenceRequest(CaseKind kind, String orderId, String item, String due) {
    return "亲，您好！您订单 "
        + orderId
        + " 的「"
        + item
        + "」"
        + problem(kind)
        + "，麻烦您拍几张照片发给我们："
        + photos(kind)
        + "。我们收到照片核实后马上为您处理"
        + (due.isEmpty() ? "" : "，请在 " + due + " 前发给我们哦")
        + "～";
  }

  /** Reminds a buyer whose photos have not come, before the claim closes at {@code due}. */
  public static String evidenceReminder(CaseKind kind, String orderId, String item, String due) {
    return "亲，打扰您啦～您订单 "
        + orderId
        + " 的「"
        + item
        + "」"
        + problem(kind)
        + "，我们还在等您的照片："
        + photos(kind)
        + "。收到后马上为您处理"
        + (due.isEmpty() ? "" : "；如果 " + due + " 前还没收到，这次售后会先关闭，之后有需要随时联系我们")
        + "，谢谢您的配合！";
  }

  /**
   * Where and how to send goods back: the address, the note in the parcel, who bears the postage
   * ({@code postage}, a sentence), and by when ({@code due}, may be empty).
   */
  public static String returnAddress(
      String orderId, String item, String address, String postage, String due) {
    return "亲，您订单 "
        + orderId
        + " 的「"
        + item
        + "」请寄回："
        + address
        + "。麻烦在包裹里放一张纸条，写上您的淘宝会员名、订单号 "
        + orderId
        + " 和退货原因。"
        + postage
        + "寄出后请把快递公司和单号发给我们"
        + (due.isEmpty() ? "" : "，请在 " + due + " 前寄出")
        + "，我们收到后马上为您处理～";
  }

  /**
   * The parcel came back because of the buyer (wrong address, unreachable phone, refused delivery):
   * the postage it caused is the buyer's and is taken off the refund (seed 001).
   */
  public static String postageDeduction(String orderId, String item, String cause, String amount) {
    return "亲，您订单 "
        + orderId
        + " 的「"
        + item
        + "」因"
        + cause
        + "被快递退回，按店铺规定，由此产生的运费 "
        + amount
        + " 元需要由您承担，我们会在为您退款时从退款金额中扣除（扣除后不会低于 0 元）。给您带来不便，还请谅解～";
  }

  /** Reminds a buyer who has not sent the goods back yet. */
  public static String returnReminder(String orderId, String item, String address, String due) {
    return "亲，打扰您啦～您订单 "
        + orderId
        + " 的「"
        + item
        + "」还没有收到您寄回的包裹哦。退货地址："
        + address
        + "。寄出后请把快递公司和单号发给我们"
        + (due.isEmpty() ? "" : "；如果 " + due + " 前没有寄出，这次售后会按您放弃处理")
        + "，谢谢您的配合！";
  }

  /** Why a return or exchange ({@code what}: 退货, 换货) cannot be accepted. */
  public static String refusal(String what, String orderId, String item, String reason) {
    return "亲，非常抱歉，您订单 "
        + orderId
        + " 的「"
        + item
        + "」这次没办法为您办理"
        + what
        + "："
        + reason
        + "。给您带来不便真的很抱歉，如果商品有质量问题，您可以随时联系我们，我们一定帮您处理。";
  }

  /** The warehouse found no mistake in what was shipped. */
  public static String shippedAsOrdered(String orderId, String item) {
    return "亲，您反馈的订单 "
        + orderId
        + " 的「"
        + item
        + "」的问题，我们请仓库逐一核对了这单的发货记录，核实结果是这单是按订单发出的。"
        + "给您添麻烦了，如果您收到的商品还有其他问题，欢迎随时联系我们，我们一定帮您处理。";
  }

  /** A refund the shop refused, with the reason finance gave. */
  public static String refundRefused(String orderId, String amount, String reason) {
    return "亲，关于您订单 "
        + orderId
        + " 的退款 "
        + amount
        + " 元，我们核实后这次暂时无法为您办理，原因是："
        + reason
        + "。给您带来不便非常抱歉，有任何疑问您可以随时联系我们，我们会尽力帮您解决。";
  }

  /** A refund refused because the shipped parcel could not be stopped in time. */
  public static String parcelNotRecoverable(String orderId, String carrier, String tracking) {
    return "亲，您订单 "
        + orderId
        + " 的包裹已经发出（"
        + carrier
        + " "
        + tracking
        + "），我们联系快递没能及时拦截回来，所以这次的退款申请先为您拒绝，非常抱歉。"
        + "包裹退回我们仓库后，请您再次申请退款，我们会第一时间为您处理～";
  }

  public static String tracking(String carrier, String trackingNumber) {
    return "亲，补发的商品已经寄出啦：" + carrier + "，单号 " + trackingNumber + "，请注意查收，有任何问题随时联系我们～";
  }

  private static String problem(CaseKind kind) {
    return kind == CaseKind.DAMAGE ? "有破损，给您添麻烦了" : "和您订的不一致，给您添麻烦了";
  }

  private static String photos(CaseKind kind) {
    return kind == CaseKind.DAMAGE ? "破损部位的细节照片至少 2 张，再加一张外箱上的快递面单照片" : "您实际收到的商品照片，再加一张外箱上的快递面单照片";
  }
}
