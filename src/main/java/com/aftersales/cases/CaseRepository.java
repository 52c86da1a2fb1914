package com.aftersales.cases;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code after_sales_case} and {@code case_event} tables. */
@Repository
public class CaseRepository {

  private static final String COLUMNS =
      "case_id, kind, order_id, buyer_id, description, process_instance_id, status, category,"
          + " outcome, outcome_label, opened_by, opened_at, closed_at";

  private final JdbcTemplate jdbc;

  CaseRepository(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<CaseRecord> findOpen(String openKey) {
    return jdbc
        .query(
            "select " + COLUMNS + " from after_sales_case where open_key = ?", this::map, openKey)
        .stream()
        .findFirst();
  }

  public Optional<CaseRecord> find(String caseId) {
    return jdbc
        .query("select " + COLUMNS + " from after_sales_case where case_id = ?", this::map, caseId)
        .stream()
        .findFirst();
  }

  /** The open cases of an order, of every kind, oldest first. */
  public List<CaseRecord> openOf(String orderId) {
    return jdbc.query(
        "select "
            + COLUMNS
            + " from after_sales_case where order_id = ? and status = ? order by opened_at, case_id",
        this::map,
        orderId,
        CaseStatus.OPEN.name());
  }

  /** The newest cases of an order or of a buyer, at most {@code limit}. */
  public List<CaseRecord> related(String column, String value, int limit) {
    if (!column.equals("order_id") && !column.equals("buyer_id")) {
      throw new IllegalArgumentException(column);
    }
    return jdbc.query(
        "select "
            + COLUMNS
            + " from after_sales_case where "
            + column
            + " = ?"
            + " order by opened_at desc, case_id fetch first "
            + limit
            + " rows only",
        this::map,
        value);
  }

  /**
   * Cases whose id, order number or buyer is {@code text} or starts with it, newest first, at most
   * {@code limit}.
   */
  public List<CaseRecord> search(String text, int limit) {
    String prefix = text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    return jdbc.query(
        "select "
            + COLUMNS
            + " from after_sales_case where case_id like ? escape '!'"
            + " or order_id like ? escape '!' or buyer_id like ? escape '!'"
            + " order by opened_at desc, case_id fetch first "
            + limit
            + " rows only",
        this::map,
        prefix,
        prefix,
        prefix);
  }

  /**
   * Names who a case the system opened was opened for, in the register and on the timeline's
   * opening entry (only where nobody is named yet).
   */
  void nameOpener(String caseId, String openedBy) {
    jdbc.update(
        "update after_sales_case set opened_by = ? where case_id = ? and opened_by is null",
        openedBy,
        caseId);
    jdbc.update(
        "update case_event set actor = ? where case_id = ? and step = 'opened' and actor is null",
        openedBy,
        caseId);
  }

  /** How many cases there have been for this kind and order, open or closed. */
  int countFor(CaseKind kind, String orderId) {
    return jdbc.queryForObject(
        "select count(*) from after_sales_case where kind = ? and order_id = ?",
        Integer.class,
        kind.name(),
        orderId);
  }

  /**
   * Inserts an open case. The unique {@code open_key} makes a concurrent twin fail with a
   * duplicate-key error instead of being stored.
   */
  void insertOpen(CaseRecord c, String openKey) {
    jdbc.update(
        "insert into after_sales_case (case_id, open_key, kind, order_id, buyer_id, description,"
            + " process_instance_id, status, opened_by, opened_at) values (?,?,?,?,?,?,?,?,?,?)",
        c.caseId(),
        openKey,
        c.kind().name(),
        c.orderId(),
        c.buyerId(),
        c.description(),
        c.processInstanceId(),
        CaseStatus.OPEN.name(),
        c.openedBy(),
        c.openedAt());
  }

  /** The register's columns taken from the order at opening: its product, the masked contact. */
  void registerOrder(String caseId, String productName, String maskedContact) {
    jdbc.update(
        "update after_sales_case set product_name = ?, buyer_contact = ? where case_id = ?",
        productName,
        maskedContact,
        caseId);
  }

  /** Who resolved the case: {@code resolvedBy}, else the last person who acted on it. */
  void resolvedBy(String caseId, String resolvedBy) {
    String who = resolvedBy;
    if (who == null) {
      List<String> actors =
          jdbc.queryForList(
              "select actor from case_event where case_id = ? and actor is not null"
                  + " order by occurred_at desc, id desc",
              String.class,
              caseId);
      who = actors.isEmpty() ? null : actors.get(0);
    }
    jdbc.update("update after_sales_case set resolved_by = ? where case_id = ?", who, caseId);
  }

  void close(
      String caseId, String category, String outcome, String outcomeLabel, OffsetDateTime at) {
    jdbc.update(
        "update after_sales_case set status = ?, open_key = null, category = ?, outcome = ?,"
            + " outcome_label = ?, closed_at = ? where case_id = ?",
        CaseStatus.CLOSED.name(),
        category,
        outcome,
        outcomeLabel,
        at,
        caseId);
  }

  void addEvent(String caseId, CaseEvent e) {
    jdbc.update(
        "insert into case_event (case_id, occurred_at, step, step_name, actor, detail) values"
            + " (?,?,?,?,?,?)",
        caseId,
        e.occurredAt(),
        e.step(),
        e.stepName(),
        e.actor(),
        e.detail() == null || e.detail().length() <= 4000
            ? e.detail()
            : e.detail().substring(0, 4000));
  }

  public List<CaseEvent> timeline(String caseId) {
    return jdbc.query(
        "select occurred_at, step, step_name, actor, detail from case_event where case_id = ?"
            + " order by occurred_at, id",
        (rs, i) ->
            new CaseEvent(
                rs.getObject("occurred_at", OffsetDateTime.class),
                rs.getString("step"),
                rs.getString("step_name"),
                rs.getString("actor"),
                rs.getString("detail")),
        caseId);
  }

  private CaseRecord map(ResultSet rs, int row) throws SQLException {
    return new CaseRecord(
        rs.getString("case_id"),
        CaseKind.valueOf(rs.getString("kind")),
        rs.getString("order_id"),
        rs.getString("buyer_id"),
        rs.getString("description"),
        rs.getString("process_instance_id"),
        CaseStatus.valueOf(rs.getString("status")),
        rs.getString("category"),
        rs.getString("outcome"),
        rs.getString("outcome_label"),
        rs.getString("opened_by"),
        rs.getObject("opened_at", OffsetDateTime.class),
        rs.getObject("closed_at", OffsetDateTime.class));
  }
}
