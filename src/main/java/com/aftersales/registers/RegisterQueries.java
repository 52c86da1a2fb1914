package com.aftersales.registers;

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

  /** A page of rows, newest first, and how many rows match in all. */
  record Page(int page, int size, long total, List<Map<String, Object>> rows) {}

  private final JdbcTemplate jdbc;

  RegisterQueries(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Page page(Register register, OffsetDateTime from, OffsetDateTime to, int page, int size) {
    List<Object> args = new ArrayList<>();
    String where = where(register, from, to, args);
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
  void each(
      Register register,
      OffsetDateTime from,
      OffsetDateTime to,
      Consumer<Map<String, Object>> sink) {
    List<Object> args = new ArrayList<>();
    String where = where(register, from, to, args);
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

  private static String where(
      Register register, OffsetDateTime from, OffsetDateTime to, List<Object> args) {
    StringBuilder where = new StringBuilder(" where 1=1");
    if (from != null) {
      where.append(" and ").append(register.dateColumn()).append(" >= ?");
      args.add(from);
    }
    if (to != null) {
      where.append(" and ").append(register.dateColumn()).append(" < ?");
      args.add(to);
    }
    return where.toString();
  }

  private static Map<String, Object> row(Register register, java.sql.ResultSet rs)
      throws java.sql.SQLException {
    Map<String, Object> row = new LinkedHashMap<>();
    for (Register.Column c : register.columns()) {
      Object v = rs.getObject(c.name());
      if (v instanceof java.sql.Timestamp || c.name().endsWith("_at")) {
        v = rs.getObject(c.name(), OffsetDateTime.class);
      }
      row.put(c.name(), v);
    }
    return row;
  }
}
