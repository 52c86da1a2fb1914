package com.aftersales.orders;

import com.aftersales.base.NotFoundException;
import com.aftersales.shop.OrderStatus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the back office's order report into the local shop adapter's orders, in the background,
 * batch by batch, with its progress in {@code order_import}. Importing the same file twice changes
 * nothing; a newer file moves order states forward (never back) and ends the dunning case of an
 * order that got paid or closed; a bad row is reported with its line and the others still import.
 */
@Service
public class OrderImporter {

  private static final Logger LOG = LoggerFactory.getLogger(OrderImporter.class);
  static final int BATCH = 500;
  static final int MAX_ERRORS_KEPT = 1000;
  private static final int HEADER_SEARCH_ROWS = 10;

  /** An import's state as the status endpoint shows it. */
  public record Status(
      String id,
      String fileName,
      String format,
      String encoding,
      String status,
      int rowsRead,
      int created,
      int updated,
      int unchanged,
      int failed,
      int casesEnded,
      String message,
      String startedBy,
      OffsetDateTime startedAt,
      OffsetDateTime finishedAt) {}

  public record RowError(int line, String orderId, String reason) {}

  private final JdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate named;
  private final TransactionTemplate tx;
  private final RuntimeService runtime;
  private final Executor executor;
  private final Clock clock;

  OrderImporter(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      RuntimeService runtime,
      @Qualifier("orderImportExecutor") Executor executor,
      Clock clock) {
    this.jdbc = jdbc;
    this.named = new NamedParameterJdbcTemplate(jdbc);
    this.tx = new TransactionTemplate(transactions);
    this.runtime = runtime;
    this.executor = executor;
    this.clock = clock;
  }

  /** A started import: its id, and a handle to wait for it (scripts and tests). */
  public record Started(String id, Future<?> done) {}

  /**
   * Stores the upload in a temporary file (never in memory), checks that it is an order report, and
   * imports it in the background. A file that is not an order report is refused here, with nothing
   * imported.
   */
  public Started start(InputStream upload, String fileName, String user) throws IOException {
    Path file = Files.createTempFile("order-report-", ".upload");
    try {
      Files.copy(upload, file, StandardCopyOption.REPLACE_EXISTING);
      ReportFile report = ReportFile.open(file, fileName);
      Layout layout = layout(report);
      String id = UUID.randomUUID().toString();
      jdbc.update(
          "insert into order_import (id, file_name, format, encoding, status, started_by, started_at)"
              + " values (?,?,?,?,?,?,?)",
          id,
          limit(fileName, 256),
          report.format,
          report.encoding,
          "RUNNING",
          user,
          now());
      FutureTask<Void> task =
          new FutureTask<>(
              () -> {
                try {
                  run(id, report, layout);
                } finally {
                  Files.deleteIfExists(file);
                }
                return null;
              });
      executor.execute(task);
      return new Started(id, task);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }

  public Status status(String id) {
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
                    rs.getObject("finished_at", OffsetDateTime.class)),
            id)
        .stream()
        .findFirst()
        .orElseThrow(() -> new NotFoundException("找不到导入记录 " + id));
  }

  public List<RowError> errors(String id, int page, int size) {
    status(id);
    return jdbc.query(
        "select line, order_id, reason from order_import_error where import_id = ? order by line, id"
            + " offset ? rows fetch next ? rows only",
        (rs, n) ->
            new RowError(rs.getInt("line"), rs.getString("order_id"), rs.getString("reason")),
        id,
        page * size,
        size);
  }

  // ---------------------------------------------------------------- the import itself

  /** A report's layout and the line of its heading row. */
  private record Layout(OrderReport report, int headingLine) {}

  private Layout layout(ReportFile report) throws IOException {
    OrderReport[] found = {null};
    int[] headingLine = {0};
    String[] firstRow = {null};
    try {
      report.rows(
          (line, cells) -> {
            if (firstRow[0] == null && !OrderReport.blank(cells)) {
              firstRow[0] = String.join(",", cells.subList(0, Math.min(6, cells.size())));
            }
            OrderReport layout = OrderReport.layout(cells, clock.getZone());
            if (layout != null) {
              found[0] = layout;
              headingLine[0] = line;
              throw new StopReading();
            }
            if (line >= HEADER_SEARCH_ROWS) {
              throw new StopReading();
            }
          });
    } catch (StopReading done) {
      // heading found, or not in the first rows
    }
    if (found[0] == null) {
      throw new NotAnOrderReportException(
          "这不是订单报表：前 "
              + HEADER_SEARCH_ROWS
              + " 行里没有“订单编号”列"
              + (firstRow[0] == null ? "" : "（第一行是：" + limit(firstRow[0], 80) + "）")
              + "。请上传卖家中心“已卖出的宝贝”批量导出的订单报表");
    }
    List<String> missing = found[0].missing();
    if (!missing.isEmpty() || !found[0].hasMoney()) {
      throw new NotAnOrderReportException(
          "订单报表缺少必需的列："
              + (missing.isEmpty() ? "总金额（或买家应付货款）" : String.join("、", missing))
              + "。请导出完整的订单报表（列名不能改）");
    }
    return new Layout(found[0], headingLine[0]);
  }

  private static final class StopReading extends RuntimeException {
    StopReading() {
      super(null, null, false, false);
    }
  }

  private void run(String id, ReportFile report, Layout layout) {
    Progress progress = new Progress(id);
    try {
      report.rows(
          (line, cells) -> {
            progress.line = line;
            if (line <= layout.headingLine() || OrderReport.blank(cells)) {
              return;
            }
            progress.rowsRead++;
            try {
              progress.batch.add(new Numbered(line, layout.report().read(cells)));
            } catch (OrderReport.RowProblem problem) {
              progress.errors.add(new RowError(line, problem.orderId, problem.getMessage()));
            }
            if (progress.batch.size() >= BATCH) {
              flush(progress);
            }
          });
      flush(progress);
      finish(id, "DONE", progress.failed > 0 ? progress.failed + " 行未导入，见错误列表" : null);
    } catch (NotAnOrderReportException e) {
      flush(progress);
      finish(id, "FAILED", "第 " + progress.line + " 行之后无法继续读取：" + e.getMessage());
    } catch (Exception e) {
      LOG.error("order import {} failed at line {}", id, progress.line, e);
      finish(
          id, "FAILED", "导入在第 " + progress.line + " 行中断：" + e.getMessage() + "（之前的行已导入，可重新导入整个文件）");
    }
  }

  private record Numbered(int line, OrderReport.Row row) {}

  private static final class Progress {
    final String id;
    final List<Numbered> batch = new ArrayList<>();
    final List<RowError> errors = new ArrayList<>();
    int line;
    int rowsRead;
    int failed;

    Progress(String id) {
      this.id = id;
    }
  }

  /** Writes one batch in one transaction, then ends the dunning cases of newly paid orders. */
  private void flush(Progress progress) {
    if (progress.batch.isEmpty() && progress.errors.isEmpty()) {
      return;
    }
    Changes changes = null;
    for (int attempt = 0; changes == null; attempt++) {
      try {
        changes = tx.execute(s -> write(progress));
      } catch (DuplicateKeyException raced) {
        // another import inserted one of these orders a moment ago: read again, then update
        if (attempt >= 3) {
          throw raced;
        }
      }
    }
    progress.failed += progress.errors.size();
    progress.batch.clear();
    progress.errors.clear();
    int ended = 0;
    for (String orderId : changes.paid) {
      ended += end("dunningOrderPaid", orderId);
    }
    for (String orderId : changes.closed) {
      ended += end("dunningOrderClosed", orderId);
    }
    if (ended > 0) {
      jdbc.update(
          "update order_import set cases_ended = cases_ended + ? where id = ?", ended, progress.id);
    }
  }

  private int end(String message, String orderId) {
    try {
      return runtime
          .createMessageCorrelation(message)
          .processInstanceBusinessKey("DUNNING-" + orderId)
          .correlateAllWithResult()
          .size();
    } catch (org.camunda.bpm.engine.OptimisticLockingException e) {
      return 0; // the case moved at the same moment (a second import, or the agent): it ends anyway
    }
  }

  private record Changes(Set<String> paid, Set<String> closed) {}

  private Changes write(Progress progress) {
    Map<String, Existing> existing = existing(progress.batch);
    int created = 0;
    int updated = 0;
    int unchanged = 0;
    Set<String> paid = new LinkedHashSet<>();
    Set<String> closed = new LinkedHashSet<>();
    OffsetDateTime now = now();
    for (Numbered n : progress.batch) {
      OrderReport.Row r = n.row();
      Existing before = existing.get(r.orderId());
      if (before == null) {
        insert(r, now);
        created++;
        existing.put(r.orderId(), Existing.of(r));
        continue;
      }
      OrderStatus status =
          rank(r.status()) >= rank(before.status) ? r.status() : before.status; // never backwards
      Existing after = Existing.of(r).withStatus(status, before);
      if (after.equals(before)) {
        unchanged++;
        continue;
      }
      update(r, after, now);
      updated++;
      if (before.status == OrderStatus.WAITING_PAYMENT && status != OrderStatus.WAITING_PAYMENT) {
        (status == OrderStatus.CLOSED ? closed : paid).add(r.orderId());
      }
      existing.put(r.orderId(), after);
    }
    for (RowError e : progress.errors) {
      if (progress.failed + progress.errors.indexOf(e) < MAX_ERRORS_KEPT) {
        jdbc.update(
            "insert into order_import_error (import_id, line, order_id, reason) values (?,?,?,?)",
            progress.id,
            e.line(),
            e.orderId(),
            limit(e.reason(), 500));
      }
    }
    jdbc.update(
        "update order_import set rows_read = ?, created = created + ?, updated = updated + ?,"
            + " unchanged = unchanged + ?, failed = failed + ? where id = ?",
        progress.rowsRead,
        created,
        updated,
        unchanged,
        progress.errors.size(),
        progress.id);
    return new Changes(paid, closed);
  }

  /** What an import compares: the back-office facts a report carries. */
  private record Existing(
      OrderStatus status,
      OffsetDateTime paidAt,
      java.math.BigDecimal totalPaid,
      java.math.BigDecimal orderTotal,
      String trackingNumber,
      String carrier,
      String address,
      String phone,
      String closeReason) {

    static Existing of(OrderReport.Row r) {
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

    Existing withStatus(OrderStatus status, Existing before) {
      return status == this.status
          ? this
          : new Existing(
              status,
              before.paidAt,
              before.totalPaid,
              orderTotal,
              trackingNumber,
              carrier,
              address,
              phone,
              closeReason);
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
      if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
        return x.compareTo(y) == 0;
      }
      if (a instanceof OffsetDateTime x && b instanceof OffsetDateTime y) {
        return x.toInstant().equals(y.toInstant());
      }
      return a.equals(b);
    }
  }

  private Map<String, Existing> existing(List<Numbered> batch) {
    Map<String, Existing> found = new HashMap<>();
    if (batch.isEmpty()) {
      return found;
    }
    Set<String> ids = new LinkedHashSet<>();
    batch.forEach(n -> ids.add(n.row().orderId()));
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

  private void insert(OrderReport.Row r, OffsetDateTime now) {
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

  private void update(OrderReport.Row r, Existing after, OffsetDateTime now) {
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

  private void finish(String id, String status, String message) {
    jdbc.update(
        "update order_import set status = ?, message = ?, finished_at = ? where id = ?",
        status,
        message == null ? null : limit(message, 1000),
        now(),
        id);
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

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock);
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String limit(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max);
  }
}
