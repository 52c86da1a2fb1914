package com.aftersales.orders;

import com.aftersales.base.NotFoundException;
import com.aftersales.orders.OrderImporter.RowError;
import com.aftersales.orders.OrderImporter.Status;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The record of each import ({@code order_import}) and the rows it refused. */
@Component
class ImportRecords {

  static final String RUNNING = "RUNNING";
  static final String DONE = "DONE";
  static final String FAILED = "FAILED";

  private final JdbcTemplate jdbc;
  private final io.micrometer.core.instrument.MeterRegistry meters;

  ImportRecords(JdbcTemplate jdbc) {
    this(jdbc, null);
  }

  @org.springframework.beans.factory.annotation.Autowired
  ImportRecords(JdbcTemplate jdbc, io.micrometer.core.instrument.MeterRegistry meters) {
    this.jdbc = jdbc;
    this.meters = meters;
  }

  void begin(
      String id,
      String fileName,
      ReportFile report,
      String user,
      ImportNode node,
      OffsetDateTime now) {
    jdbc.update(
        "insert into order_import (id, file_name, format, encoding, status, started_by, started_at,"
            + " heartbeat_at, node_id) values (?,?,?,?,?,?,?,?,?)",
        id,
        limit(fileName, 256),
        report.format,
        report.encoding,
        RUNNING,
        user,
        now,
        now,
        node.value());
  }

  /** One batch's counts, and a sign of life. */
  void progress(
      String id,
      int rowsRead,
      int created,
      int updated,
      int unchanged,
      int failed,
      OffsetDateTime now) {
    jdbc.update(
        "update order_import set rows_read = ?, created = created + ?, updated = updated + ?,"
            + " unchanged = unchanged + ?, failed = failed + ?, heartbeat_at = ? where id = ?",
        rowsRead,
        created,
        updated,
        unchanged,
        failed,
        now,
        id);
  }

  void refused(String id, RowError e) {
    jdbc.update(
        "insert into order_import_error (import_id, line, order_id, reason) values (?,?,?,?)",
        id,
        e.line(),
        limit(e.orderId(), 64),
        limit(e.reason(), 500));
  }

  /** An import this node still holds (running or waiting for a place). */
  void alive(String id, OffsetDateTime now) {
    jdbc.update(
        "update order_import set heartbeat_at = ? where id = ? and status = ?", now, id, RUNNING);
  }

  /** An import that never started (no place for it): no trace of it stays. */
  void forget(String id) {
    jdbc.update("delete from order_import where id = ? and rows_read = 0", id);
  }

  void casesEnded(String id, int ended) {
    jdbc.update("update order_import set cases_ended = cases_ended + ? where id = ?", ended, id);
  }

  void finish(String id, String status, String message, OffsetDateTime now) {
    int finished =
        jdbc.update(
            "update order_import set status = ?, message = ?, finished_at = ?, heartbeat_at = ?"
                + " where id = ? and status = ?",
            status,
            message == null ? null : limit(message, 1000),
            now,
            now,
            id,
            RUNNING);
    if (finished == 1 && meters != null) {
      ImportMeters.record(meters, jdbc, id, status);
    }
  }

  /**
   * Marks failed every running import not heard from since {@code before}: its node died (or was
   * killed) in the middle. Importing the same file again completes it, as an import changes nothing
   * it already did.
   */
  int failStale(OffsetDateTime before, OffsetDateTime now) {
    return jdbc.update(
        "update order_import set status = ?, message = ?, finished_at = ? where status = ?"
            + " and (heartbeat_at is null or heartbeat_at < ?)",
        FAILED,
        "导入中断：处理它的服务器停止了。已导入的行保留，请重新导入整个文件完成剩下的行（重复导入不会重复创建订单）",
        now,
        RUNNING,
        before);
  }

  /**
   * Marks failed every import still running under this node's name that this process does not hold:
   * it was running when the node stopped (killed, crashed, switched off), and the node has started
   * again since. The rows it took stay; importing the same file again completes it.
   */
  int failInterrupted(ImportNode node, Predicate<String> held, OffsetDateTime now) {
    int failed = 0;
    for (Map<String, Object> row :
        jdbc.queryForList(
            "select id, rows_read from order_import where status = ? and node_id = ?",
            RUNNING,
            node.value())) {
      String id = (String) row.get("id");
      if (held.test(id)) {
        continue;
      }
      failed +=
          jdbc.update(
              "update order_import set status = ?, message = ?, finished_at = ?, heartbeat_at = ?"
                  + " where id = ? and status = ?",
              FAILED,
              "导入在服务器重启时中断（已处理前 "
                  + ((Number) row.get("rows_read")).intValue()
                  + " 行，已导入的保留）。请重新导入该文件完成剩下的行，重复导入不会重复创建订单",
              now,
              now,
              id,
              RUNNING);
    }
    return failed;
  }

  Status status(String id) {
    return jdbc
        .query(
            "select * from order_import where id = ?",
            (rs, n) ->
                new Status(
                    rs.getString("id"),
                    rs.getString("file_name"),
                    rs.getString("format"),
                    rs.getString("encoding"),
                    rs.getString("status"),
                    rs.getInt("rows_read"),
                    rs.getInt("created"),
                    rs.getInt("updated"),
                    rs.getInt("unchanged"),
                    rs.getInt("failed"),
                    rs.getInt("cases_ended"),
                    rs.getString("message"),
                    rs.getString("started_by"),
                    rs.getObject("started_at", OffsetDateTime.class),
                    rs.getObject("finished_at", OffsetDateTime.class),
                    rs.getString("node_id")),
            id)
        .stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("找不到导入记录 " + id));
  }

  List<RowError> errors(String id, int page, int size) {
    status(id);
    return jdbc.query(
        "select line, order_id, reason from order_import_error where import_id = ? order by line, id"
            + " offset ? rows fetch next ? rows only",
        (rs, n) ->
            new RowError(rs.getInt("line"), rs.getString("order_id"), rs.getString("reason")),
        id,
        (long) page * size,
        size);
  }

  static String limit(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
