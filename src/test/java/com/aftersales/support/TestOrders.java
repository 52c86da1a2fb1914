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

  TestOrders(JdbcTemplate jdbc) {
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
