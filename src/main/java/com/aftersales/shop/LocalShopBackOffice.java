package com.aftersales.shop;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office kept in our own database: orders in {@code shop_order}, every call the flows make
 * in {@code shop_call}. It lets every flow run end to end without a real shop. The default adapter
 * ({@code aftersales.shop.adapter: local}, or nothing set).
 */
@Component
@ConditionalOnProperty(
    name = "aftersales.shop.adapter",
    havingValue = "local",
    matchIfMissing = true)
@Transactional
class LocalShopBackOffice implements ShopBackOffice {

  private static final int REMARK_LIMIT = 4000;
  private static final String ADAPTER = "local";

  private final JdbcTemplate jdbc;
  private final Clock clock;
  private final BuyerMessageLog messages;
  private final FlagStack flags;
  private final LocalOrderQueries orders;

  LocalShopBackOffice(JdbcTemplate jdbc, Clock clock, BuyerMessageLog messages) {
    this.jdbc = jdbc;
    this.messages = messages;
    this.clock = clock;
    this.flags = new FlagStack(jdbc, clock);
    this.orders = new LocalOrderQueries(jdbc);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Order> findOrder(String orderId) {
    return orders.find(orderId);
  }

  @Override
  public Optional<OrderMarks> orderMarks(String orderId) {
    return jdbc
        .query(
            "select flag_color, flag_note, remark_internal, remark_finance, remark_shipping"
                + " from shop_order where order_id = ?",
            (rs, n) ->
                new OrderMarks(
                    rs.getString(1) == null ? null : Flag.valueOf(rs.getString(1)),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5)),
            orderId)
        .stream()
        .findFirst();
  }

  @Override
  public void setFlag(String orderId, Flag flag, String note) {
    if (note == null || note.isBlank()) {
      throw new IllegalArgumentException("a flag always carries a note");
    }
    findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    show(orderId, flags.raise(orderId, flag, note));
    record("SET_FLAG", orderId, flag + ": " + note);
  }

  @Override
  public void clearFlag(String orderId, Flag flag, String note) {
    if (!flags.isRaised(orderId, flag)) {
      return;
    }
    show(orderId, flags.lower(orderId, flag));
    record("CLEAR_FLAG", orderId, flag + ": " + note);
  }

  @Override
  @Transactional(readOnly = true)
  public List<RaisedFlag> flags(String orderId) {
    return flags.raised(orderId);
  }

  private void show(String orderId, FlagStack.Shown shown) {
    update(
        "update shop_order set flag_color = ?, flag_note = ? where order_id = ?",
        orderId,
        shown == null ? null : shown.flag().name(),
        shown == null ? null : shown.note(),
        orderId);
  }

  @Override
  public void addRemark(String orderId, RemarkColumn column, String text) {
    String col =
        switch (column) {
          case INTERNAL -> "remark_internal";
          case FINANCE -> "remark_finance";
          case SHIPPING -> "remark_shipping";
        };
    String current =
        jdbc.queryForObject(
            "select " + col + " from shop_order where order_id = ?", String.class, orderId);
    String line = "[" + OffsetDateTime.now(clock).toLocalDateTime().withNano(0) + "] " + text;
    String merged = current == null || current.isBlank() ? line : current + "\n" + line;
    // Keep the newest lines when a column overflows.
    if (merged.length() > REMARK_LIMIT) {
      merged = merged.substring(merged.length() - REMARK_LIMIT);
    }
    update("update shop_order set " + col + " = ? where order_id = ?", orderId, merged, orderId);
    record("REMARK_" + column, orderId, text);
  }

  @Override
  public void agreeRefund(String orderId, String refundId, BigDecimal amount, String reason) {
    pay(
        orderId,
        amount,
        "AGREE_REFUND",
        refundRef(refundId) + amount.toPlainString() + " " + reason);
  }

  /** The shop's own payment: counted against what is refundable, so nothing is paid twice. */
  @Override
  public void recordTransfer(String orderId, BigDecimal amount, String reason) {
    pay(orderId, amount, "TRANSFER", amount.toPlainString() + " " + reason);
  }

  private void pay(String orderId, BigDecimal amount, String operation, String detail) {
    Order order = findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    if (amount.signum() <= 0 || amount.compareTo(order.refundable()) > 0) {
      throw new IllegalArgumentException(
          "refund of " + amount + " exceeds the refundable " + order.refundable());
    }
    update(
        "update shop_order set refunded_amount = refunded_amount + ? where order_id = ?",
        orderId,
        amount,
        orderId);
    record(operation, orderId, detail);
  }

  @Override
  public void rejectRefund(String orderId, String refundId, String reason) {
    findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    record("REJECT_REFUND", orderId, refundRef(refundId) + reason);
  }

  @Override
  public void agreeReturn(String orderId, String refundId, String returnAddress) {
    findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    record("AGREE_RETURN", orderId, refundRef(refundId) + returnAddress);
  }

  @Override
  public SentMessage sendBuyerMessage(BuyerMessage message) {
    findOrder(message.orderId()).orElseThrow(() -> new UnknownOrderException(message.orderId()));
    if (message.confirmedBy() == null && message.refundId() == null) {
      throw new NoMessageChannelException(
          "no channel for a message that is neither on a refund nor sent by an agent");
    }
    SentMessage sent = messages.record(message, ADAPTER);
    record("BUYER_MESSAGE", message.orderId(), message.purpose() + " " + message.channel());
    return sent;
  }

  @Override
  @Transactional(readOnly = true)
  public List<SentMessage> buyerMessages(String caseId) {
    return messages.ofCase(caseId);
  }

  /** The local back office has no platform: no refund was filed there, none is open. */
  @Override
  @Transactional(readOnly = true)
  public Optional<PlatformRefund> findRefund(String refundId) {
    return Optional.empty();
  }

  @Override
  @Transactional(readOnly = true)
  public List<PlatformRefund> openRefunds(String orderId) {
    return List.of();
  }

  @Override
  @Transactional(readOnly = true)
  public List<PlatformRefund> refundsModified(OffsetDateTime from, OffsetDateTime to) {
    return List.of();
  }

  /** What the local back office knows of a parcel: shipped (and when), and signed for. */
  @Override
  @Transactional(readOnly = true)
  public List<TraceStep> logisticsTrace(String orderId) {
    Order order = findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    if (order.trackingNumber() == null) {
      return List.of();
    }
    List<OffsetDateTime> shipped =
        jdbc.queryForList(
            "select called_at from shop_call where order_id = ? and operation = 'SHIP'"
                + " order by called_at",
            OffsetDateTime.class,
            orderId);
    OffsetDateTime shippedAt =
        shipped.isEmpty()
            ? (order.paidAt() != null ? order.paidAt() : order.createdAt())
            : shipped.get(0);
    List<TraceStep> steps = new ArrayList<>();
    steps.add(new TraceStep(shippedAt, "卖家已发货：" + order.carrier() + " " + order.trackingNumber()));
    if (order.signedAt() != null) {
      steps.add(new TraceStep(order.signedAt(), "已签收"));
    }
    return steps;
  }

  private static String refundRef(String refundId) {
    return refundId == null ? "" : "退款 " + refundId + " ";
  }

  @Override
  public BigDecimal recordPlatformRefund(String orderId, BigDecimal amount, String reason) {
    Order order = findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId));
    BigDecimal paid = amount.min(order.refundable()).max(BigDecimal.ZERO);
    update(
        "update shop_order set refunded_amount = refunded_amount + ? where order_id = ?",
        orderId,
        paid,
        orderId);
    record("PLATFORM_REFUND", orderId, paid.toPlainString() + " " + reason);
    return paid;
  }

  @Override
  public void shipOrder(String orderId, String carrier, String trackingNumber) {
    update(
        "update shop_order set status = ?, carrier = ?, tracking_number = ? where order_id = ?",
        orderId,
        OrderStatus.SHIPPED.name(),
        carrier,
        trackingNumber,
        orderId);
    record("SHIP", orderId, carrier + " " + trackingNumber);
  }

  @Override
  public String createReshipOrder(String originalOrderId, String items, int quantity, String note) {
    Order original =
        findOrder(originalOrderId).orElseThrow(() -> new UnknownOrderException(originalOrderId));
    Integer existing =
        jdbc.queryForObject(
            "select count(*) from shop_order where parent_order_id = ? and order_id like 'RE%'",
            Integer.class, originalOrderId);
    String reshipId = "RE" + originalOrderId + (existing == 0 ? "" : "-" + (existing + 1));
    OffsetDateTime now = OffsetDateTime.now(clock);
    jdbc.update(
        "insert into shop_order (order_id, buyer_id, buyer_name, phone, address, shop_name,"
            + " item_title, quantity, item_price, postage, total_paid, status, created_at,"
            + " paid_at, parent_order_id, remark_shipping) values"
            + " (?,?,?,?,?,?,?,?,0,0,0,?,?,?,?,?)",
        reshipId,
        original.buyerId(),
        original.buyerName(),
        original.phone(),
        original.address(),
        original.shopName(),
        items,
        quantity,
        OrderStatus.PAID.name(),
        now,
        now,
        originalOrderId,
        truncate(note, REMARK_LIMIT));
    record("CREATE_RESHIP", originalOrderId, reshipId + " " + items + " x" + quantity);
    return reshipId;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Order> unpaidOrdersPlaced(OffsetDateTime from, OffsetDateTime to) {
    return orders.unpaidPlaced(from, to);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Order> deliveredOrders(OffsetDateTime signedAfter, OffsetDateTime signedUpTo) {
    return orders.delivered(signedAfter, signedUpTo);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Order> undeliveredOrders(OffsetDateTime paidAfter, OffsetDateTime paidUpTo) {
    return orders.undelivered(paidAfter, paidUpTo);
  }

  @Override
  @Transactional(readOnly = true)
  public List<Order> paidOrdersOf(Collection<String> itemTitles) {
    return orders.paidOf(itemTitles);
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<Order> findOrderByWaybill(String waybillNumber) {
    return orders.byWaybill(waybillNumber);
  }

  @Override
  public void extendReceiptTime(String orderId, int days) {
    ReceiptExtension.check(
        findOrder(orderId).orElseThrow(() -> new UnknownOrderException(orderId)), days);
    record("EXTEND_RECEIPT", orderId, days + " 天");
  }

  private void update(String sql, String orderId, Object... args) {
    if (jdbc.update(sql, args) == 0) {
      throw new UnknownOrderException(orderId);
    }
  }

  private void record(String operation, String orderId, String detail) {
    jdbc.update(
        "insert into shop_call (called_at, operation, order_id, detail) values (?,?,?,?)",
        OffsetDateTime.now(clock),
        operation,
        orderId,
        truncate(detail, 4000));
  }

  private static String truncate(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
