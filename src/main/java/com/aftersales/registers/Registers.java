package com.aftersales.registers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Writes the registers the flows fill by themselves. */
@Service
public class Registers {

  private final JdbcTemplate jdbc;
  private final Clock clock;

  Registers(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A row of the after-sales problem register / reship form, when the reship is decided. */
  public void reshipForm(
      String caseId,
      String filledBy,
      String buyerId,
      String originalOrderId,
      String reshipOrderId,
      String productName,
      long quantity,
      String reason) {
    Integer existing =
        jdbc.queryForObject(
            "select count(*) from reship_form where reship_order_id = ?",
            Integer.class,
            reshipOrderId);
    if (existing > 0) {
      return;
    }
    jdbc.update(
        "insert into reship_form (case_id, filled_at, filled_by, buyer_id, original_order_id,"
            + " reship_order_id, product_name, quantity, reason) values (?,?,?,?,?,?,?,?,?)",
        caseId,
        OffsetDateTime.now(clock),
        filledBy,
        buyerId,
        originalOrderId,
        reshipOrderId,
        productName,
        quantity,
        reason);
  }

  public void reshipShipped(String reshipOrderId, String carrier, String trackingNumber) {
    jdbc.update(
        "update reship_form set carrier = ?, tracking_number = ?, shipped_at = ? where reship_order_id = ?",
        carrier,
        trackingNumber,
        OffsetDateTime.now(clock),
        reshipOrderId);
  }

  public void reshipReceived(String reshipOrderId) {
    jdbc.update(
        "update reship_form set received_at = ? where reship_order_id = ?",
        OffsetDateTime.now(clock),
        reshipOrderId);
  }

  /** The courier-loss record of a case; one per case, a retried step does not write it twice. */
  public void courierLoss(
      String caseId, String orderId, String carrier, String trackingNumber, BigDecimal amount) {
    // Check first: a failed insert would abort the whole transaction on PostgreSQL.
    int updated =
        jdbc.update("update courier_loss set loss_amount = ? where case_id = ?", amount, caseId);
    if (updated == 0) {
      jdbc.update(
          "insert into courier_loss (case_id, recorded_at, order_id, carrier, tracking_number,"
              + " loss_amount, claim_state) values (?,?,?,?,?,?,?)",
          caseId,
          OffsetDateTime.now(clock),
          orderId,
          carrier,
          trackingNumber,
          amount,
          "OPEN");
    }
  }
}
