package com.aftersales.shop;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/** The local back office's order lookups, read from {@code shop_order}. */
final class LocalOrderQueries {

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  LocalOrderQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  Optional<Order> find(String orderId) {
    if (orderId == null || orderId.isBlank()) {
      return Optional.empty();
    }
    List<Order> rows =
        jdbc.query(
            "select * from shop_order where order_id = ?",
            LocalOrderQueries::mapOrder,
            orderId.trim());
    return rows.stream().findFirst();
  }

  List<Order> unpaidPlaced(OffsetDateTime from, OffsetDateTime to) {
    return jdbc.query(
        "select * from shop_order o where o.status = 'WAITING_PAYMENT' and o.created_at >= ?"
            + " and o.created_at < ? order by o.created_at",
        LocalOrderQueries::mapOrder,
        from,
        to);
  }

  List<Order> delivered(OffsetDateTime signedAfter, OffsetDateTime signedUpTo) {
    return jdbc.query(
        "select * from shop_order o where o.status in ('SHIPPED','SUCCEEDED')"
            + " and o.signed_at is not null and o.signed_at <= ? and o.signed_at > ?"
            + " order by o.order_id",
        LocalOrderQueries::mapOrder,
        signedUpTo,
        signedAfter);
  }

  List<Order> undelivered(OffsetDateTime paidAfter, OffsetDateTime paidUpTo) {
    return jdbc.query(
        "select * from shop_order o where o.status = 'SHIPPED' and o.signed_at is null"
            + " and coalesce(o.paid_at, o.created_at) <= ? and coalesce(o.paid_at, o.created_at) > ?"
            + " order by o.order_id",
        LocalOrderQueries::mapOrder,
        paidUpTo,
        paidAfter);
  }

  List<Order> paidOf(Collection<String> itemTitles) {
    if (itemTitles.isEmpty()) {
      return List.of();
    }
    // the products out of stock at one time: a short list, one statement
    return named.query(
        "select * from shop_order o where o.status = 'PAID' and o.item_title in (:titles)"
            + " order by o.order_id",
        Map.of("titles", itemTitles),
        LocalOrderQueries::mapOrder);
  }

  Optional<Order> byWaybill(String waybillNumber) {
    return jdbc
        .queryForList(
            "select order_id from shop_order where tracking_number = ? order by created_at desc",
            String.class,
            waybillNumber == null ? "" : waybillNumber.trim())
        .stream()
        .findFirst()
        .flatMap(this::find);
  }

  static Order mapOrder(ResultSet rs, int row) throws SQLException {
    return new Order(
        rs.getString("order_id"),
        rs.getString("buyer_id"),
        rs.getString("buyer_name"),
        rs.getString("phone"),
        rs.getString("address"),
        rs.getString("shop_name"),
        rs.getString("item_title"),
        rs.getInt("quantity"),
        rs.getBigDecimal("item_price"),
        rs.getBigDecimal("postage"),
        rs.getBigDecimal("total_paid"),
        OrderStatus.valueOf(rs.getString("status")),
        rs.getObject("created_at", OffsetDateTime.class),
        rs.getObject("paid_at", OffsetDateTime.class),
        rs.getString("tracking_number"),
        rs.getString("carrier"),
        rs.getBigDecimal("refunded_amount"),
        rs.getObject("signed_at", OffsetDateTime.class),
        rs.getBigDecimal("order_total"));
  }
}
