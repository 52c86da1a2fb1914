package com.aftersales.registers;

import com.aftersales.base.TooLargeException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads registers: one page for the screen, or every row streamed into an export. */
@Service
class RegisterQueries {

  /** Which rows: a date range (from inclusive, to exclusive) and exact agent, type and order. */
  record Filter(
      OffsetDateTime from, OffsetDateTime to, String agent, String type, String orderId) {}

  /** A page of rows, newest first, and how many rows match in all. */
  record Page(int page, int size, long total, List<Map<String, Object>> rows) {}

  private final JdbcTemplate jdbc;
  private final JdbcTemplate streaming;
  private final TransactionTemplate tx;

  /** The most rows one export may hold: a year of a busy shop's registers, not a runaway query. */
  private final long maxExportRows;

  RegisterQueries(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      @Value("${aftersales.registers.max-export-rows:200000}") long maxExportRows) {
    this.jdbc = jdbc;
    this.maxExportRows = maxExportRows;
    this.streaming = new JdbcTemplate(jdbc.getDataSource());
    this.streaming.setFetchSize(500);
    this.tx = new TransactionTemplate(transactions);
    this.tx.setReadOnly(true);
  }

  Page page(Register register, Filter filter, int page, int size) {
    List<Object> args = new ArrayList<>();
    String where = where(register, filter, args);
    long total =
        jdbc.queryForObject(
            "select count(*) from " + register.table() + where, Long.class, args.toArray());
    args.add(size);
    args.add((long) page * size);
    List<Map<String, Object>> rows = new ArrayList<>();
    jdbc.query(
        select(register) + where + " order by " + register.dateColumn() + " desc limit ? offset ?",
        (RowCallbackHandler) rs -> rows.add(row(register, rs)),
        args.toArray());
    return new Page(page, size, total, rows);
  }

  /**
   * Refuses an export of more than {@code aftersales.registers.max-export-rows} rows, before
   * anything is written.
   */
  void checkExport(Register register, Filter filter) {
    List<Object> args = new ArrayList<>();
    String where = where(register, filter, args);
    long total =
        jdbc.queryForObject(
            "select count(*) from " + register.table() + where, Long.class, args.toArray());
    if (total > maxExportRows) {
      throw new TooLargeException(
          "from", "符合条件的记录有 " + total + " 条，超过一次导出 " + maxExportRows + " 条的上限，请缩小日期范围分几次导出");
    }
  }

  /**
   * Streams every matching row, oldest first, without holding them all in memory: the database
   * hands rows over in slices inside a read-only transaction.
   */
  void each(Register register, Filter filter, Consumer<Map<String, Object>> sink) {
    List<Object> args = new ArrayList<>();
    String where = where(register, filter, args);
    tx.executeWithoutResult(
        s ->
            streaming.query(
                select(register) + where + " order by " + register.dateColumn(),
                (RowCallbackHandler) rs -> sink.accept(row(register, rs)),
                args.toArray()));
  }

  private static String select(Register register) {
    StringBuilder sql = new StringBuilder("select ");
    for (int i = 0; i < register.columns().size(); i++) {
      Register.Column c = register.columns().get(i);
      sql.append(i == 0 ? "" : ", ");
      sql.append(c.sql() == null ? c.name() : c.sql() + " as " + c.name());
    }
    return sql.append(" from ").append(register.table()).toString();
  }

  private static String where(Register register, Filter filter, List<Object> args) {
    StringBuilder where = new StringBuilder(" where 1=1");
    if (filter.from() != null) {
      where.append(" and ").append(register.dateColumn()).append(" >= ?");
      args.add(filter.from());
    }
    if (filter.to() != null) {
      where.append(" and ").append(register.dateColumn()).append(" < ?");
      args.add(filter.to());
    }
    equal(where, args, register.agentColumn(), filter.agent());
    equal(where, args, register.typeColumn(), filter.type());
    equal(where, args, register.orderColumn(), filter.orderId());
    return where.toString();
  }

  private static void equal(StringBuilder where, List<Object> args, String column, String value) {
    if (value != null && column != null) {
      where.append(" and ").append(column).append(" = ?");
      args.add(value);
    }
  }

  private static Map<String, Object> row(Register register, ResultSet rs) throws SQLException {
    Map<String, Object> row = new LinkedHashMap<>();
    for (Register.Column c : register.columns()) {
      Object v =
          c.name().endsWith("_at")
              ? rs.getObject(c.name(), OffsetDateTime.class)
              : rs.getObject(c.name());
      row.put(c.name(), v);
    }
    return row;
  }
}
