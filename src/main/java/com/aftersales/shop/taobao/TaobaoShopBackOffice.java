package com.aftersales.shop.taobao;

import static com.aftersales.shop.taobao.TopJson.list;
import static com.aftersales.shop.taobao.TopJson.text;

import com.aftersales.shop.BuyerMessage;
import com.aftersales.shop.BuyerMessageLog;
import com.aftersales.shop.Flag;
import com.aftersales.shop.NoMessageChannelException;
import com.aftersales.shop.Order;
import com.aftersales.shop.OrderStatus;
import com.aftersales.shop.PlatformRefund;
import com.aftersales.shop.RaisedFlag;
import com.aftersales.shop.RemarkColumn;
import com.aftersales.shop.SentMessage;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.shop.ShopRefusedException;
import com.aftersales.shop.TraceStep;
import com.aftersales.shop.UnknownOrderException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's back office on the Taobao Open Platform ({@code aftersales.shop.adapter: taobao}):
 * every operation through the platform's documented API (docs/taobao-open-platform.md, "The
 * adapter's mapping"). What the platform cannot do is refused with a {@link ShopRefusedException}
 * that says what to do instead; nothing is recorded as done that the platform did not do.
 */
class TaobaoShopBackOffice implements ShopBackOffice {

  static final String ADAPTER = "taobao";

  private final TopClient top;
  private final TaobaoTrades trades;
  private final TaobaoRemarks remarks;
  private final TaobaoRefunds refunds;
  private final TaobaoOrderRefunds orderRefunds;
  private final TaobaoReturns returns;
  private final RefundMessages refundMessages;
  private final BuyerMessageLog messages;
  private final JdbcTemplate jdbc;
  private final Clock clock;

  TaobaoShopBackOffice(
      TopClient top,
      TaobaoProperties properties,
      BuyerMessageLog messages,
      JdbcTemplate jdbc,
      Clock clock) {
    this.top = top;
    this.trades = new TaobaoTrades(top);
    this.remarks = new TaobaoRemarks(trades, top, jdbc, clock);
    this.refunds = new TaobaoRefunds(top);
    this.orderRefunds = new TaobaoOrderRefunds(trades, refunds);
    this.returns = new TaobaoReturns(top, refunds, properties.returnAddressId());
    this.refundMessages = new RefundMessages(top);
    this.messages = messages;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public Optional<Order> findOrder(String orderId) {
    return trades.find(orderId);
  }

  @Override
  @Transactional
  public void setFlag(String orderId, Flag flag, String note) {
    remarks.setFlag(orderId, flag, note);
  }

  @Override
  @Transactional
  public void clearFlag(String orderId, Flag flag, String note) {
    remarks.clearFlag(orderId, flag, note);
  }

  @Override
  public List<RaisedFlag> flags(String orderId) {
    return remarks.flags(orderId);
  }

  @Override
  @Transactional
  public void addRemark(String orderId, RemarkColumn column, String text) {
    remarks.addRemark(orderId, column, text);
  }

  /** Agrees the buyer's refund; without one there is nothing the platform could pay. */
  @Override
  public void agreeRefund(String orderId, String refundId, BigDecimal amount, String reason) {
    if (refundId == null || refundId.isBlank()) {
      throw new ShopRefusedException(
          "买家没有在淘宝申请退款，平台不能把买家没有申请的钱付给买家：请让买家在淘宝申请退款后再同意，"
              + "或用其他方式补偿（订单 "
              + orderId
              + "，"
              + amount.toPlainString()
              + " 元）。本系统未记为已退款");
    }
    refunds.agree(orderId, refundId, amount);
  }

  /**
   * A transfer is the shop's own payment (Alipay or bank, by finance): the platform neither pays it
   * nor knows of it, so there is nothing to call; the seller memo written by the flow records it.
   */
  @Override
  public void recordTransfer(String orderId, BigDecimal amount, String reason) {
    // nothing on the platform: trades.fullinfo's refunds stay the buyer's own
  }

  /** Refuses the buyer's refund; without one nothing was filed on the platform to refuse. */
  @Override
  public void rejectRefund(String orderId, String refundId, String reason) {
    if (refundId != null && !refundId.isBlank()) {
      refunds.refuse(orderId, refundId, reason);
    }
  }

  @Override
  public void agreeReturn(String orderId, String refundId, String returnAddress) {
    returns.agree(orderId, refundId, returnAddress);
  }

  @Override
  @Transactional
  public SentMessage sendBuyerMessage(BuyerMessage message) {
    if (message.confirmedBy() == null) {
      if (message.refundId() == null || message.refundId().isBlank()) {
        throw new NoMessageChannelException(
            "no channel for a message that is neither on a refund nor sent by an agent");
      }
      refundMessages.send(message);
    }
    return messages.record(message, ADAPTER);
  }

  @Override
  @Transactional(readOnly = true)
  public List<SentMessage> buyerMessages(String caseId) {
    return messages.ofCase(caseId);
  }

  @Override
  public Optional<PlatformRefund> findRefund(String refundId) {
    return refunds.find(refundId);
  }

  /**
   * The sub-orders' latest refunds ({@code orders.refund_id}) whose {@code orders.refund_status} is
   * open, each read with {@code refund.get} for its amount, version and phase; oldest first.
   */
  @Override
  public List<PlatformRefund> openRefunds(String orderId) {
    return orderRefunds.open(orderId);
  }

  @Override
  public List<PlatformRefund> refundsModified(OffsetDateTime from, OffsetDateTime to) {
    return refunds.modified(from, to);
  }

  @Override
  public List<TraceStep> logisticsTrace(String orderId) {
    if (!TopJson.isId(orderId)) {
      throw new UnknownOrderException(orderId);
    }
    JsonNode answer;
    try {
      answer = top.call("taobao.logistics.trace.search", Map.of("tid", orderId));
    } catch (TopException e) {
      Order order = findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
      if (order.status() == OrderStatus.WAITING_PAYMENT || order.status() == OrderStatus.PAID) {
        return List.of(); // not shipped: no parcel to trace
      }
      throw e;
    }
    return list(answer, "trace_list", "transit_step_info").stream()
        .map(s -> new TraceStep(TopJson.time(s, "status_time"), text(s, "status_desc")))
        .sorted(
            Comparator.comparing(TraceStep::time, Comparator.nullsLast(Comparator.naturalOrder())))
        .toList();
  }

  /**
   * The platform paid the refund itself: nothing to write, only to confirm. Returns what the
   * order's successful refunds on the platform add up to, at most {@code amount}; while the
   * platform shows none, the shop counts as unavailable (the service task tries again, then raises
   * an incident) — never a refund recorded that the platform did not pay.
   */
  @Override
  public BigDecimal recordPlatformRefund(String orderId, BigDecimal amount, String reason) {
    return orderRefunds.paidUpTo(orderId, amount);
  }

  /**
   * The adapter does not ship on the platform (the print desk's software does): it confirms that
   * the platform shows the order shipped with this tracking number, and refuses otherwise.
   */
  @Override
  public void shipOrder(String orderId, String carrier, String trackingNumber) {
    JsonNode trade = trades.trade(orderId, "tid,status,orders.invoice_no,orders.logistics_company");
    if (trade == null) {
      throw new UnknownOrderException(orderId);
    }
    OrderStatus status = TaobaoTrades.status(text(trade, "status"));
    List<String> numbers =
        list(trade, "orders", "order").stream()
            .map(o -> text(o, "invoice_no"))
            .filter(n -> n != null)
            .toList();
    if (status != OrderStatus.SHIPPED && status != OrderStatus.SUCCEEDED) {
      throw new ShopRefusedException(
          "淘宝上订单 "
              + orderId
              + " 还没有发货：淘宝适配器不代为发货，请先在千牛或打单软件中用 "
              + carrier
              + " "
              + trackingNumber
              + " 发货，再重试");
    }
    if (!numbers.contains(trackingNumber)) {
      throw new ShopRefusedException(
          "淘宝上订单 "
              + orderId
              + " 的运单号是 "
              + String.join("、", numbers)
              + "，不是 "
              + trackingNumber
              + "：请核对运单号");
    }
  }

  /**
   * The platform cannot create an order for the buyer: a reship is a document of our own ({@code
   * taobao_reship}) that the warehouse ships as a manual order; its id is {@code RE} + the trade id
   * (and {@code -2}, {@code -3}… for further reships).
   */
  @Override
  @Transactional
  public String createReshipOrder(String originalOrderId, String items, int quantity, String note) {
    JsonNode trade = trades.trade(originalOrderId, "tid");
    if (trade == null) {
      throw new UnknownOrderException(originalOrderId);
    }
    String tid = trade.path("tid").asText(originalOrderId);
    Integer existing =
        jdbc.queryForObject(
            "select count(*) from taobao_reship where order_id = ?", Integer.class, tid);
    String reshipId = "RE" + tid + (existing == 0 ? "" : "-" + (existing + 1));
    jdbc.update(
        "insert into taobao_reship (reship_id, order_id, items, quantity, note, created_at)"
            + " values (?,?,?,?,?,?)",
        reshipId,
        tid,
        items,
        quantity,
        note,
        OffsetDateTime.now(clock));
    return reshipId;
  }

  @Override
  public List<Order> unpaidOrdersPlaced(OffsetDateTime from, OffsetDateTime to) {
    return trades.unpaidPlaced(from, to);
  }

  /** Trades finished (the buyer confirmed receipt) in the window: the platform's sign-off. */
  @Override
  public List<Order> deliveredOrders(OffsetDateTime signedAfter, OffsetDateTime signedUpTo) {
    return trades.changedSince(
        signedAfter, signedUpTo, OffsetDateTime.now(clock), "TRADE_FINISHED", "end_time");
  }

  @Override
  public List<Order> undeliveredOrders(OffsetDateTime paidAfter, OffsetDateTime paidUpTo) {
    return trades.changedSince(
        paidAfter, paidUpTo, OffsetDateTime.now(clock), "WAIT_BUYER_CONFIRM_GOODS", "pay_time");
  }

  @Override
  public List<Order> paidOrdersOf(Collection<String> itemTitles) {
    return trades.paidWithItems(itemTitles);
  }

  /**
   * {@code taobao.trade.receivetime.delay} (docs §10): the platform takes 3, 5, 7 or 10 days; any
   * other number is refused before the call.
   */
  @Override
  public void extendReceiptTime(String orderId, int days) {
    if (!TopJson.isId(orderId)) {
      throw new UnknownOrderException(orderId);
    }
    if (days != 3 && days != 5 && days != 7 && days != 10) {
      throw new ShopRefusedException(
          "淘宝只能把收货时间延长 3、5、7 或 10 天，不能延长 " + days + " 天（订单 " + orderId + "）");
    }
    top.call(
        "taobao.trade.receivetime.delay", Map.of("tid", orderId, "days", String.valueOf(days)));
  }

  /**
   * The platform has no search by waybill number in this reference (docs §17): the warehouse finds
   * the order in its print software and gives the order number.
   */
  @Override
  public Optional<Order> findOrderByWaybill(String waybillNumber) {
    return Optional.empty();
  }
}
