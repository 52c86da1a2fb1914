package com.aftersales.registers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;

/** Reads registers: one page for the screen, or every row streamed into an export. */
@Service
class RegisterQueries {

  /** Which rows: a date range (from inclusive, to exclusive) and exact agent, type and order. */
  record Filter(
      OffsetDateTime from, OffsetDateTime to, String agent, String type, String orderId) {}

  /** A page of rows, newest first, and how many rows match in all. */
  record Page(int page, int size, long total, List<Map<String, Object>> rows) {}

  private final JdbcTemplate jdbc;

  RegisterQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
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

  /** Streams every matching row, oldest first, without holding them all in memory. */
  void each(Register register, Filter filter, Consumer<Map<String, Object>> sink) {
    List<Object> args = new ArrayList<>();
    String where = where(register, filter, args);
    jdbc.query(
        select(register) + where + " order by " + register.dateColumn(),
        (RowCallbackHandler) rs -> sink.accept(row(register, rs)),
        args.toArray());
  }

  private static String select(Register register) {
    StringBuilder sql = new StringBuilder("select ");
    for (int i = 0; i < register.columns().size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(register.columns().get(i).name());
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
