package com.aftersales.shop;

import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads the audit trail of back-office calls made by the flows. */
@Component
public class ShopCalls {

  /** One recorded call. */
  public record Call(OffsetDateTime calledAt, String operation, String orderId, String detail) {}

  private final JdbcTemplate jdbc;

  ShopCalls(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Call> forOrder(String orderId) {
    return jdbc.query(
        "select called_at, operation, order_id, detail from shop_call where order_id = ? order by id",
        (rs, i) ->
            new Call(
                rs.getObject("called_at", OffsetDateTime.class),
                rs.getString("operation"),
                rs.getString("order_id"),
                rs.getString("detail")),
        orderId);
  }
}
