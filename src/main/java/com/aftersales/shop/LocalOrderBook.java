package com.aftersales.shop;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The local adapter's order book, filled from the back office's order reports: a new order is
 * added, a known one takes the report's facts (what a report leaves out stays as it was), and its
 * trade state only ever moves forward (a closed trade is as final as a successful one). Known
 * orders are looked up per batch, never all at once. Callers run it inside their own transaction.
 */
@Component
public class LocalOrderBook {

  /**
   * What one batch changed; {@code paid} and {@code closed} left "waiting for payment"; {@code
   * notCreated} are the positions in the batch of rows of orders the book does not know and the row
   * could not add.
   */
  public record Changes(
      int created,
      int updated,
      int unchanged,
      Set<String> paid,
      Set<String> closed,
      List<Integer> notCreated) {}

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;

  LocalOrderBook(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
  }

  /**
   * Adds a demo order once (a restart leaves it as the demo left it), delivered at {@code signedAt}
   * when that is given.
   */
  public void seed(ReportedOrder order, OffsetDateTime signedAt) {
    Integer exists =
        jdbc.queryForObject(
            "select count(*) from shop_order where order_id = ?", Integer.class, order.orderId());
    if (exists > 0) {
      return;
    }
    insert(order, null);
    jdbc.update(
        "update shop_order set signed_at = ?, imported_at = null where order_id = ?",
        signedAt,
        order.orderId());
  }

  /**
   * Takes in a batch of reported orders (the same order may appear twice: the later row wins). An
   * order the book does not know is added when its row says who bought it, when, in which state and
   * for how much; otherwise its position in the batch is returned in {@link Changes#notCreated}. A
   * known order takes what its row says and keeps what the row leaves out: a column the report
   * lacks or an empty cell never erases what the book knows.
   */
  public Changes take(List<ReportedOrder> batch, OffsetDateTime now) {
    Map<String, Existing> existing = existing(batch);
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    Set<String> paid = new LinkedHashSet<>();
    Set<String> closed = new LinkedHashSet<>();
    List<Integer> notCreated = new ArrayList<>();
    for (int i = 0; i < batch.size(); i++) {
      ReportedOrder r = batch.get(i);
      Existing before = existing.get(r.orderId());
      if (before == null) {
        if (!canCreate(r)) {
          notCreated.add(i);
          continue;
        }
        insert(r, now);
        created++;
        existing.put(r.orderId(), Existing.of(r));
        continue;
      }
      Existing after = before.taking(r);
      if (after.equals(before)) {
        unchanged++;
        continue;
      }
      update(r, after, now);
      updated++;
      if (before.status == OrderStatus.WAITING_PAYMENT
          && after.status != OrderStatus.WAITING_PAYMENT) {
        (after.status == OrderStatus.CLOSED ? closed : paid).add(r.orderId());
      }
      existing.put(r.orderId(), after);
    }
    return new Changes(created, updated, unchanged, paid, closed, notCreated);
  }

  /** Whether a row says enough to add its order: the buyer, the state, when, how much. */
  private static boolean canCreate(ReportedOrder r) {
    return r.buyerId() != null
        && !r.buyerId().isBlank()
        && r.status() != null
        && r.createdAt() != null
        && r.hasAmounts();
  }

  /** What an import compares: the back-office facts a report carries. */
  private record Existing(
      OrderStatus status,
      OffsetDateTime paidAt,
      BigDecimal totalPaid,
      BigDecimal orderTotal,
      String trackingNumber,
      String carrier,
      String address,
      String phone,
      String closeReason) {

    static Existing of(ReportedOrder r) {
      return new Existing(
          r.status(),
          r.paidAt(),
          r.amountPaid(),
          r.amountDue(),
          emptyToNull(r.trackingNumber()),
          emptyToNull(r.carrier()),
          emptyToNull(r.address()),
          emptyToNull(r.phone()),
          emptyToNull(r.closeReason()));
    }

    /**
     * This order after a report's row: its state only moves forward; when the row's state is behind
     * ours (an older report) or not given, the payment stays as we know it; what the row leaves
     * empty stays as we know it.
     */
    Existing taking(ReportedOrder r) {
      boolean current = r.status() != null && rank(r.status()) >= rank(status);
      OrderStatus state = current ? r.status() : status;
      BigDecimal due = r.hasAmounts() ? r.amountDue() : orderTotal;
      OffsetDateTime paidTime = paidAt;
      BigDecimal paidAmount = totalPaid;
      if (current) {
        paidTime = r.paidAt() != null ? r.paidAt() : paidAt;
        if (state == OrderStatus.CLOSED && r.paid() == null && paidTime == null) {
          paidAmount = BigDecimal.ZERO; // closed before anybody paid
        } else if (r.hasAmounts() || r.paid() != null || state == OrderStatus.WAITING_PAYMENT) {
          paidAmount = r.amountPaid(state);
        } else if (status == OrderStatus.WAITING_PAYMENT
            && state != OrderStatus.CLOSED
            && orderTotal != null) {
          paidAmount = orderTotal; // paid since, and the row says no amount: what was due
        }
      }
      return new Existing(
          state,
          paidTime,
          paidAmount,
          due,
          given(r.trackingNumber(), trackingNumber),
          given(r.carrier(), carrier),
          given(r.address(), address),
          given(r.phone(), phone),
          given(r.closeReason(), closeReason));
    }

    private static String given(String reported, String known) {
      String value = emptyToNull(reported);
      return value != null ? value : known;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Existing e
          && status == e.status
          && same(paidAt, e.paidAt)
          && same(totalPaid, e.totalPaid)
          && same(orderTotal, e.orderTotal)
          && java.util.Objects.equals(trackingNumber, e.trackingNumber)
          && java.util.Objects.equals(carrier, e.carrier)
          && java.util.Objects.equals(address, e.address)
          && java.util.Objects.equals(phone, e.phone)
          && java.util.Objects.equals(closeReason, e.closeReason);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(status, trackingNumber);
    }

    private static boolean same(Object a, Object b) {
      if (a == null || b == null) {
        return a == b;
      }
      if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
        return x.compareTo(y) == 0;
      }
      if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
        return x.toInstant().equals(y.toInstant());
      }
      return a.equals(b);
    }
  }

  private Map<String, Existing> existing(List<ReportedOrder> batch) {
    Map<String, Existing> found = new HashMap<>();
    if (batch.isEmpty()) {
      return found;
    }
    Set<String> ids = new LinkedHashSet<>();
    batch.forEach(r -> ids.add(r.orderId()));
    named.query(
        "select order_id, status, paid_at, total_paid, order_total, tracking_number, carrier,"
            + " address, phone, close_reason from shop_order where order_id in (:ids)",
        Map.of("ids", ids),
        rs -> {
          found.put(
              rs.getString("order_id"),
              new Existing(
                  OrderStatus.valueOf(rs.getString("status")),
                  rs.getObject("paid_at", OffsetDateTime.class),
                  rs.getBigDecimal("total_paid"),
                  rs.getBigDecimal("order_total"),
                  rs.getString("tracking_number"),
                  rs.getString("carrier"),
                  rs.getString("address"),
                  rs.getString("phone"),
                  rs.getString("close_reason")));
        });
    return found;
  }

  private void insert(ReportedOrder r, OffsetDateTime now) {
    jdbc.update(
        "insert into shop_order (order_id, buyer_id, buyer_name, phone, address, shop_name,"
            + " item_title, quantity, item_price, postage, total_paid, order_total, status,"
            + " created_at, paid_at, tracking_number, carrier, remark_internal, close_reason,"
            + " buyer_message, imported_at) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        r.orderId(),
        r.buyerId(),
        emptyToNull(r.buyerName()),
        emptyToNull(r.phone()),
        emptyToNull(r.address()),
        emptyToNull(r.shopName()),
        r.itemTitle(),
        r.quantity(),
        r.unitPrice(),
        r.postageOrZero(),
        r.amountPaid(),
        r.amountDue(),
        r.status().name(),
        r.createdAt(),
        r.paidAt(),
        emptyToNull(r.trackingNumber()),
        emptyToNull(r.carrier()),
        emptyToNull(r.remark()),
        emptyToNull(r.closeReason()),
        emptyToNull(r.buyerMessage()),
        now);
  }

  private void update(ReportedOrder r, Existing after, OffsetDateTime now) {
    jdbc.update(
        "update shop_order set status = ?, paid_at = ?, total_paid = ?, order_total = ?,"
            + " tracking_number = ?, carrier = ?, address = ?, phone = ?, close_reason = ?,"
            + " imported_at = ? where order_id = ?",
        after.status().name(),
        after.paidAt(),
        after.totalPaid(),
        after.orderTotal(),
        after.trackingNumber(),
        after.carrier(),
        after.address(),
        after.phone(),
        after.closeReason(),
        now,
        r.orderId());
  }

  /** Forward order of the trade states; a closed trade is as final as a successful one. */
  private static int rank(OrderStatus s) {
    return switch (s) {
      case WAITING_PAYMENT -> 0;
      case PAID -> 1;
      case SHIPPED -> 2;
      case SUCCEEDED, CLOSED -> 3;
    };
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
