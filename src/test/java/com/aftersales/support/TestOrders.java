package com.aftersales.support;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Creates orders in the local back office, each with a fresh id so tests never collide. */
@Component
public class TestOrders {

  private static final AtomicInteger SEQ = new AtomicInteger();
  private final JdbcTemplate jdbc;

  public TestOrders(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** An order of {@code quantity} items at {@code price} yuan each, delivered, 0 postage. */
  public String create(String buyerId, String price, int quantity) {
    String id = "TO" + System.nanoTime() % 1_000_000_000L + SEQ.incrementAndGet();
    BigDecimal unit = new BigDecimal(price);
    OffsetDateTime placed = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(3);
    jdbc.update(
        "insert into shop_order (order_id, buyer_id, buyer_name, phone, address, item_title, quantity,"
            + " item_price, postage, total_paid, status, created_at, paid_at, tracking_number, carrier)"
            + " values (?,?,?,?,?,?,?,?,0,?,?,?,?,?,?)",
        id,
        buyerId,
        "测试买家",
        "13800000000",
        "上海市****",
        "测试商品",
        quantity,
        unit,
        unit.multiply(BigDecimal.valueOf(quantity)),
        "SUCCEEDED",
        placed,
        placed,
        "SF0000000001",
        "顺丰速运");
    return id;
  }

  /** An order with its own postage, signed for by the buyer at {@code signedAt}. */
  public String create(
      String buyerId, String price, int quantity, String postage, OffsetDateTime signedAt) {
    String id = create(buyerId, price, quantity);
    BigDecimal post = new BigDecimal(postage);
    jdbc.update(
        "update shop_order set postage = ?, total_paid = total_paid + ?, signed_at = ? where order_id = ?",
        post,
        post,
        signedAt,
        id);
    return id;
  }

  /** An unpaid order of one item at 88 yuan, placed at {@code placedAt}: what dunning chases. */
  public String unpaid(String buyerId, OffsetDateTime placedAt) {
    String id = create(buyerId, "88.00", 1);
    jdbc.update(
        "update shop_order set status = 'WAITING_PAYMENT', total_paid = 0, order_total = 88.00,"
            + " paid_at = null, created_at = ? where order_id = ?",
        placedAt,
        id);
    return id;
  }

  /**
   * An order of one item at 60 yuan the buyer signed for at {@code signedAt} at {@code address}.
   */
  public String signed(String buyerId, String address, OffsetDateTime signedAt) {
    String id = create(buyerId, "60.00", 1);
    jdbc.update(
        "update shop_order set status = 'SUCCEEDED', address = ?, signed_at = ? where order_id = ?",
        address,
        signedAt,
        id);
    return id;
  }

  /**
   * A shipped order {@code orderId} of one 40-yuan cup, paid five days ago and signed for
   * yesterday, written as it is (the multi-node tests find their orders by the prefix of their
   * ids).
   */
  public void insertShipped(String orderId, String buyerId) {
    jdbc.update(
        "insert into shop_order (order_id, buyer_id, item_title, quantity, item_price, total_paid,"
            + " status, created_at, paid_at, signed_at) values (?,?,?,?,?,?,?,?,?,?)",
        orderId,
        buyerId,
        "保温杯",
        1,
        40,
        40,
        "SHIPPED",
        OffsetDateTime.now().minusDays(5),
        OffsetDateTime.now().minusDays(5),
        OffsetDateTime.now().minusDays(1));
  }

  /** An unpaid order {@code orderId} of one 40-yuan cup placed at {@code placedAt}, as it is. */
  public void insertUnpaid(String orderId, String buyerId, OffsetDateTime placedAt) {
    jdbc.update(
        "insert into shop_order (order_id, buyer_id, item_title, quantity, item_price, total_paid,"
            + " order_total, status, created_at) values (?,?,?,?,?,?,?,?,?)",
        orderId,
        buyerId,
        "保温杯",
        1,
        40,
        0,
        40,
        "WAITING_PAYMENT",
        placedAt);
  }

  public void status(String orderId, String status) {
    jdbc.update("update shop_order set status = ? where order_id = ?", status, orderId);
  }

  public void paidAt(String orderId, OffsetDateTime paidAt) {
    jdbc.update("update shop_order set paid_at = ? where order_id = ?", paidAt, orderId);
  }

  public String status(String orderId) {
    return jdbc.queryForObject(
        "select status from shop_order where order_id = ?", String.class, orderId);
  }

  public void signedAt(String orderId, OffsetDateTime signedAt) {
    jdbc.update("update shop_order set signed_at = ? where order_id = ?", signedAt, orderId);
  }

  /** Sets a product's return policy (category for the seven-day rule). */
  public void policy(String itemTitle, String category, boolean acceptsNoReason) {
    jdbc.update("delete from product_policy where item_title = ?", itemTitle);
    jdbc.update(
        "insert into product_policy (item_title, category, accepts_no_reason) values (?,?,?)",
        itemTitle,
        category,
        acceptsNoReason);
  }

  public void title(String orderId, String itemTitle) {
    jdbc.update("update shop_order set item_title = ? where order_id = ?", itemTitle, orderId);
  }

  public BigDecimal refunded(String orderId) {
    return jdbc.queryForObject(
        "select refunded_amount from shop_order where order_id = ?", BigDecimal.class, orderId);
  }

  public String flag(String orderId) {
    return jdbc.queryForObject(
        "select flag_color from shop_order where order_id = ?", String.class, orderId);
  }

  public String remarks(String orderId, String column) {
    return jdbc.queryForObject(
        "select " + column + " from shop_order where order_id = ?", String.class, orderId);
  }

  public int count(String sql, Object... args) {
    return jdbc.queryForObject(sql, Integer.class, args);
  }
}
