package com.aftersales.registers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The return register (退件表): the agent's part is written when a return or exchange is agreed, the
 * tracking number when the buyer ships, the warehouse's part when the parcel arrives. Nobody
 * retypes it; every write is idempotent, so a retried step does not add a second row.
 */
@Service
public class ReturnRegister {

  /** The agent's part of a row. */
  public record AgentPart(
      String caseId,
      String agent,
      String buyerId,
      String orderId,
      String returnType,
      String productName,
      int quantity,
      String carrier,
      String trackingNumber,
      String solution) {}

  /** The warehouse's part of a row. */
  public record WarehousePart(
      String receivedBy,
      int parcels,
      boolean matchesCase,
      boolean transitDamage,
      boolean resaleable,
      Boolean giftReturned,
      String remarks) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  ReturnRegister(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  public void agentPart(AgentPart p) {
    int updated =
        jdbc.update(
            "update return_register set return_type = ?, solution = ?, carrier = coalesce(?, carrier),"
                + " tracking_number = coalesce(?, tracking_number) where case_id = ?",
            p.returnType(),
            p.solution(),
            p.carrier(),
            p.trackingNumber(),
            p.caseId());
    if (updated == 0) {
      jdbc.update(
          "insert into return_register (case_id, registered_at, registered_by, buyer_id, order_id,"
              + " return_type, product_name, quantity, carrier, tracking_number, solution)"
              + " values (?,?,?,?,?,?,?,?,?,?,?)",
          p.caseId(),
          OffsetDateTime.now(clock),
          p.agent(),
          p.buyerId(),
          p.orderId(),
          p.returnType(),
          p.productName(),
          p.quantity(),
          p.carrier(),
          p.trackingNumber(),
          p.solution());
    }
  }

  public void shipped(String caseId, String carrier, String trackingNumber) {
    jdbc.update(
        "update return_register set carrier = ?, tracking_number = ? where case_id = ?",
        carrier,
        trackingNumber,
        caseId);
  }

  public void warehousePart(String caseId, WarehousePart w) {
    jdbc.update(
        "update return_register set received_by = ?, received_at = ?, parcels = ?, matches_case = ?,"
            + " transit_damage = ?, resaleable = ?, gift_returned = ?, remarks = ? where case_id = ?",
        w.receivedBy(),
        OffsetDateTime.now(clock),
        w.parcels(),
        w.matchesCase(),
        w.transitDamage(),
        w.resaleable(),
        w.giftReturned(),
        w.remarks(),
        caseId);
  }

  public void total(String caseId, BigDecimal amount) {
    jdbc.update("update return_register set total_amount = ? where case_id = ?", amount, caseId);
  }

  /** The postage the buyer caused (wrong address, unreachable, refused) taken off the refund. */
  public void postageDeducted(String caseId, BigDecimal amount) {
    jdbc.update(
        "update return_register set postage_deducted = ? where case_id = ?", amount, caseId);
  }

  public void restocked(String caseId) {
    jdbc.update("update return_register set restocked = ? where case_id = ?", true, caseId);
  }
}
