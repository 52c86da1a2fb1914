package com.aftersales.registers;

import java.time.Clock;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Writes 查件/物流异常登记 ({@code logistics_register}): one row per logistics case, its actions appended
 * as they happen. The buyer's phone is written masked ({@link #maskPhone}), never in plain.
 */
@Service
public class LogisticsRegister {

  private static final int ACTIONS_LIMIT = 4000;

  private final JdbcTemplate jdbc;
  private final Clock clock;

  LogisticsRegister(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** The row of a case just opened; a retried start does not write it twice. */
  public void open(
      String caseId,
      String orderId,
      String buyerId,
      String phone,
      String waybillNumber,
      String carrier,
      String source,
      String sourceLabel,
      String agent) {
    if (jdbc.update(
            "update logistics_register set waybill_number = ? where case_id = ?",
            waybillNumber,
            caseId)
        > 0) {
      return;
    }
    jdbc.update(
        "insert into logistics_register (case_id, registered_at, order_id, buyer_id,"
            + " buyer_phone_masked, waybill_number, carrier, source, source_label, agent)"
            + " values (?,?,?,?,?,?,?,?,?,?)",
        caseId,
        OffsetDateTime.now(clock),
        orderId,
        buyerId,
        maskPhone(phone),
        waybillNumber,
        carrier,
        source,
        sourceLabel,
        agent);
  }

  /** The problem type the case was classified as: its code (the filter) and its label. */
  public void problem(String caseId, String type, String label) {
    jdbc.update(
        "update logistics_register set problem_type = ?, problem_label = ? where case_id = ?",
        type,
        label,
        caseId);
  }

  /** A new waybill (the parcel shipped, or the courier's number). */
  public void waybill(String caseId, String carrier, String waybillNumber) {
    jdbc.update(
        "update logistics_register set carrier = ?, waybill_number = ? where case_id = ?",
        carrier,
        waybillNumber,
        caseId);
  }

  /** Appends an action (newest last), and who did it becomes the case's agent when named. */
  public void action(String caseId, String agent, String text) {
    java.util.List<String> rows =
        jdbc.queryForList(
            "select actions from logistics_register where case_id = ?", String.class, caseId);
    String current = rows.isEmpty() ? null : rows.get(0);
    String merged = current == null || current.isBlank() ? text : current + "；" + text;
    if (merged.length() > ACTIONS_LIMIT) {
      merged = merged.substring(merged.length() - ACTIONS_LIMIT);
    }
    jdbc.update(
        "update logistics_register set actions = ?, agent = coalesce(?, agent) where case_id = ?",
        merged,
        agent,
        caseId);
  }

  /** The case ended: its result as people read it. */
  public void close(String caseId, String result) {
    jdbc.update(
        "update logistics_register set result = ?, closed_at = ? where case_id = ?",
        result,
        OffsetDateTime.now(clock),
        caseId);
  }

  /**
   * A phone number as the register may keep it: the first three and last four digits of a mobile
   * number, the rest starred; a number the platform already masked stays as it is; anything else
   * keeps only its last four characters.
   */
  public static String maskPhone(String phone) {
    if (phone == null || phone.isBlank()) {
      return null;
    }
    String p = phone.trim();
    if (p.contains("*")) {
      return p;
    }
    if (p.matches("1\\d{10}")) {
      return p.substring(0, 3) + "****" + p.substring(7);
    }
    return p.length() <= 4 ? "****" : "*".repeat(p.length() - 4) + p.substring(p.length() - 4);
  }
}
