package com.aftersales.orders;

import static com.aftersales.orders.ReportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.aftersales.support.ProcessTestBase;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The order report importer on files written to look like real exports. */
public class OrderImportTest extends ProcessTestBase {

  private static final AtomicInteger SEQ = new AtomicInteger();

  @Autowired OrderImporter importer;
  @Autowired JdbcTemplate jdbc;
  @Autowired org.springframework.context.ApplicationContext applicationContext;

  /** A fresh 18-digit order number, like the platform's. */
  public static String orderNo() {
    return String.format("3%08d%09d", System.nanoTime() % 100_000_000L, SEQ.incrementAndGet());
  }

  private OrderImporter.Status importFile(byte[] content, String name) throws Exception {
    OrderImporter.Started started =
        importer.start(new ByteArrayInputStream(content), name, "agent1");
    started.done().get();
    return importer.status(started.id());
  }

  private Map<String, Object> order(String orderId) {
    return jdbc.queryForMap("select * from shop_order where order_id = ?", orderId);
  }

  @Test
  void importsANewExportInUtf8WithAByteOrderMark() throws Exception {
    String unpaid = orderNo();
    String paid = orderNo();
    byte[] file =
        csv(
            NEW_HEADINGS,
            List.of(
                Line.unpaid(unpaid, "tb_lin88", "2026-11-22 10:15:30"),
                Line.paid(paid, "tb_chen_y", "2026-11-22 11:00:00", "2026-11-22 11:02:10")),
            StandardCharsets.UTF_8,
            true);
    OrderImporter.Status status = importFile(file, "ExportOrderList202611230900.csv");
    assertThat(status.status()).isEqualTo("DONE");
    assertThat(status.encoding()).isEqualTo("UTF-8");
    assertThat(status.created()).isEqualTo(2);
    assertThat(status.failed()).isZero();

    Map<String, Object> o = order(unpaid);
    assertThat(o.get("status")).isEqualTo("WAITING_PAYMENT");
    assertThat(o.get("buyer_id")).isEqualTo("tb_lin88");
    assertThat(o.get("phone")).isEqualTo("13800001234");
    assertThat(o.get("address")).isEqualTo("浙江省 杭州市 余杭区 ****");
    assertThat(o.get("item_title")).isEqualTo("保温杯 500ml");
    assertThat((BigDecimal) o.get("order_total")).isEqualByComparingTo("88.00");
    assertThat((BigDecimal) o.get("total_paid")).isEqualByComparingTo("0");
    assertThat(((OffsetDateTime) o.get("created_at")).toInstant())
        .isEqualTo(OffsetDateTime.of(2026, 11, 22, 2, 15, 30, 0, ZoneOffset.UTC).toInstant());
    assertThat(order(paid).get("status")).isEqualTo("PAID");
    assertThat((BigDecimal) order(paid).get("total_paid")).isEqualByComparingTo("88.00");
  }

  @Test
  void importsAnOlderGbkExportWithOtherColumnNames() throws Exception {
    String id = orderNo();
    byte[] file =
        csv(
            OLD_HEADINGS,
            List.of(
                new Line(
                    id,
                    "tb_zhou77",
                    "120.00",
                    "10.00",
                    "130.00",
                    "130.00",
                    "卖家已发货，等待买家确认",
                    "2026/11/20 9:05",
                    "2026/11/20 9:07",
                    "真丝围巾",
                    "2")),
            ReportFile.GBK,
            false);
    OrderImporter.Status status = importFile(file, "订单报表.csv");
    assertThat(status.encoding()).isEqualTo("GBK");
    assertThat(status.created()).isEqualTo(1);
    Map<String, Object> o = order(id);
    assertThat(o.get("status")).isEqualTo("SHIPPED");
    assertThat(o.get("item_title")).isEqualTo("真丝围巾");
    assertThat(o.get("quantity")).isEqualTo(2);
    assertThat((BigDecimal) o.get("item_price")).isEqualByComparingTo("60.00");
    assertThat((BigDecimal) o.get("postage")).isEqualByComparingTo("10.00");
    assertThat((BigDecimal) o.get("total_paid")).isEqualByComparingTo("130.00");
  }

  @Test
  void importsAnXlsxExportWithRealDateCells() throws Exception {
    String id = orderNo();
    byte[] file =
        xlsx(
            NEW_HEADINGS,
            List.of(Line.paid(id, "tb_wu_fang", "2026-11-21 20:30:00", "2026-11-21 20:31:00")));
    OrderImporter.Status status = importFile(file, "订单报表.xlsx");
    assertThat(status.format()).isEqualTo("XLSX");
    assertThat(status.created()).as(importer.errors(status.id(), 0, 10).toString()).isEqualTo(1);
    Map<String, Object> o = order(id);
    assertThat(((OffsetDateTime) o.get("created_at")).toInstant())
        .isEqualTo(OffsetDateTime.of(2026, 11, 21, 12, 30, 0, 0, ZoneOffset.UTC).toInstant());
    assertThat((BigDecimal) o.get("order_total")).isEqualByComparingTo("88.00");
  }

  @Test
  void reportsJunkRowsWithTheirLineAndImportsTheRest() throws Exception {
    String good = orderNo();
    String alsoGood = orderNo();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("订单报表（导出时间 2026-11-23 09:00）"));
    rows.add(NEW_HEADINGS);
    rows.add(
        ReportFixtures.cells(NEW_HEADINGS, Line.unpaid(good, "tb_a", "2026-11-22 08:00:00"), true));
    rows.add(
        ReportFixtures.cells(NEW_HEADINGS, Line.unpaid("", "tb_b", "2026-11-22 08:00:00"), true));
    rows.add(
        ReportFixtures.cells(
            NEW_HEADINGS,
            Line.unpaid(orderNo(), "tb_c", "2026-11-22 08:00:00").withStatus("退款中", "", ""),
            true));
    rows.add(ReportFixtures.cells(NEW_HEADINGS, Line.unpaid(orderNo(), "tb_d", "昨天下午"), true));
    rows.add(List.of("", "", ""));
    rows.add(
        ReportFixtures.cells(
            NEW_HEADINGS,
            new Line(
                orderNo(),
                "tb_e",
                "abc",
                "0",
                "",
                "",
                "等待买家付款",
                "2026-11-22 08:00:00",
                "",
                "杯子",
                "1"),
            true));
    rows.add(
        ReportFixtures.cells(
            NEW_HEADINGS, Line.unpaid(alsoGood, "tb_f", "2026-11-22 09:00:00"), true));
    rows.add(List.of("合计", "", "", "176.00"));
    OrderImporter.Status status = importFile(csvRows(rows, StandardCharsets.UTF_8, true), "x.csv");
    assertThat(status.status()).isEqualTo("DONE");
    assertThat(status.created()).isEqualTo(2);
    assertThat(status.failed()).isEqualTo(5);
    assertThat(status.message()).contains("5 行未导入");
    List<OrderImporter.RowError> errors = importer.errors(status.id(), 0, 100);
    assertThat(errors)
        .extracting(OrderImporter.RowError::line, OrderImporter.RowError::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(4, "缺少订单编号"),
            org.assertj.core.groups.Tuple.tuple(5, "订单状态 “退款中” 无法识别"),
            org.assertj.core.groups.Tuple.tuple(6, "订单创建时间 “昨天下午” 不是日期时间（应如 2026-11-22 10:30:00）"),
            org.assertj.core.groups.Tuple.tuple(8, "买家应付货款 “abc” 不是金额"),
            org.assertj.core.groups.Tuple.tuple(10, "订单编号 “合计” 无效"));
    assertThat(order(good).get("buyer_id")).isEqualTo("tb_a");
    assertThat(order(alsoGood).get("buyer_id")).isEqualTo("tb_f");
  }

  @Test
  void importingTheSameFileTwiceChangesNothingAndANewerFileMovesStatesForwardOnly()
      throws Exception {
    String a = orderNo();
    String b = orderNo();
    Line la = Line.unpaid(a, "tb_a", "2026-11-22 08:00:00");
    Line lb = Line.unpaid(b, "tb_b", "2026-11-22 08:30:00");
    byte[] first = csv(NEW_HEADINGS, List.of(la, lb, la), StandardCharsets.UTF_8, true);
    OrderImporter.Status once = importFile(first, "a.csv");
    assertThat(once.created()).isEqualTo(2);
    assertThat(once.unchanged()).isEqualTo(1); // the duplicate row in the same file
    OrderImporter.Status twice = importFile(first, "a.csv");
    assertThat(twice.created()).isZero();
    assertThat(twice.updated()).isZero();
    assertThat(twice.unchanged()).isEqualTo(3);

    byte[] newer =
        csv(
            NEW_HEADINGS,
            List.of(
                la.withStatus("买家已付款，等待卖家发货", "2026-11-22 12:00:00", "88.00"),
                lb.withStatus("交易关闭", "", "")),
            StandardCharsets.UTF_8,
            true);
    OrderImporter.Status update = importFile(newer, "b.csv");
    assertThat(update.updated()).isEqualTo(2);
    assertThat(order(a).get("status")).isEqualTo("PAID");
    assertThat(order(b).get("status")).isEqualTo("CLOSED");

    // the older file again: nothing moves back
    OrderImporter.Status older = importFile(first, "a.csv");
    assertThat(older.updated()).isZero();
    assertThat(order(a).get("status")).isEqualTo("PAID");
    assertThat((BigDecimal) order(a).get("total_paid")).isEqualByComparingTo("88.00");
  }

  @Test
  void refusesAFileThatIsNotAnOrderReportAndImportsNothing() throws Exception {
    int before = jdbc.queryForObject("select count(*) from order_import", Integer.class);
    assertThatThrownBy(() -> importFile(utf8("商品编码,商品名称,库存\nA001,保温杯,12\n"), "库存.csv"))
        .isInstanceOf(NotAnOrderReportException.class)
        .hasMessageContaining("没有“订单编号”列")
        .hasMessageContaining("商品编码,商品名称,库存");
    // every column of an order report but the order number: not one
    List<String> noOrderNumber = without(NEW_HEADINGS, "订单编号");
    Line line = Line.paid(orderNo(), "tb_no_id", "2026-11-22 10:00:00", "2026-11-22 10:05:00");
    for (byte[] file :
        List.of(
            csv(noOrderNumber, List.of(line), StandardCharsets.UTF_8, true),
            xlsx(noOrderNumber, List.of(line)))) {
      assertThatThrownBy(() -> importFile(file, "no-id"))
          .isInstanceOf(NotAnOrderReportException.class)
          .hasMessageContaining("没有“订单编号”列")
          .extracting(e -> ((NotAnOrderReportException) e).field())
          .isEqualTo("file");
    }
    assertThatThrownBy(
            () -> importFile(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13}, "photo.png"))
        .hasMessageContaining("不是订单报表");
    assertThatThrownBy(() -> importFile(new byte[0], "empty.csv")).hasMessageContaining("文件是空的");
    assertThatThrownBy(
            () ->
                importFile(
                    new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2, 3, 4},
                    "old.xls"))
        .hasMessageContaining(".xls");
    assertThat(jdbc.queryForObject("select count(*) from order_import", Integer.class))
        .isEqualTo(before);
  }

  private static List<String> without(List<String> headings, String... left) {
    List<String> out = new ArrayList<>(headings);
    out.removeAll(List.of(left));
    return out;
  }

  /** Two orders we know, one unpaid and one paid, from a full report; returns their numbers. */
  private List<String> knownOrders(String buyer) throws Exception {
    String unpaid = orderNo();
    String paid = orderNo();
    importFile(
        csv(
            NEW_HEADINGS,
            List.of(
                Line.unpaid(unpaid, buyer, "2026-11-22 08:00:00"),
                Line.paid(paid, buyer, "2026-11-22 08:10:00", "2026-11-22 08:12:00")),
            StandardCharsets.UTF_8,
            true),
        "full.csv");
    jdbc.update("update shop_order set tracking_number = 'SF100' where order_id = ?", paid);
    return List.of(unpaid, paid);
  }

  @Test
  void aReportWithoutTheBuyerColumnUpdatesKnownOrdersAndRefusesUnknownOnes() throws Exception {
    List<String> headings = without(NEW_HEADINGS, "买家会员名");
    for (String format : List.of("csv", "xlsx")) {
      List<String> known = knownOrders("tb_known_" + format);
      String unknown = orderNo();
      List<Line> lines =
          List.of(
              new Line(
                  known.get(0),
                  "",
                  "90.00",
                  "6.00",
                  "96.00",
                  "95.50",
                  "买家已付款，等待卖家发货",
                  "2026-11-22 08:00:00",
                  "2026-11-22 09:30:00",
                  "保温杯 500ml",
                  "1"),
              Line.paid(unknown, "", "2026-11-22 09:00:00", "2026-11-22 09:01:00"),
              Line.paid(known.get(1), "", "2026-11-22 08:10:00", "2026-11-22 08:12:00")
                  .withStatus("交易成功", "2026-11-22 08:12:00", "88.00"));
      byte[] file =
          format.equals("csv")
              ? csv(headings, lines, StandardCharsets.UTF_8, true)
              : xlsx(headings, lines);
      OrderImporter.Status status = importFile(file, "no-buyer." + format);

      assertThat(status.status()).as(format).isEqualTo("DONE");
      assertThat(status.rowsRead()).isEqualTo(3);
      assertThat(status.created()).isZero();
      assertThat(status.updated()).isEqualTo(2);
      assertThat(status.failed()).isEqualTo(1);
      assertThat(status.message()).contains("1 行未导入").contains("报表没有买家会员名列，只更新了系统里已有的订单");
      assertThat(importer.errors(status.id(), 0, 10))
          .containsExactly(
              new OrderImporter.RowError(3, unknown, "订单 " + unknown + " 不在系统里，且报表没有买家会员名列，无法新建"));
      assertThat(
              jdbc.queryForObject(
                  "select count(*) from shop_order where order_id = ?", Integer.class, unknown))
          .isZero();

      Map<String, Object> paid = order(known.get(0));
      assertThat(paid.get("status")).as(format).isEqualTo("PAID");
      assertThat((BigDecimal) paid.get("order_total")).isEqualByComparingTo("96.00");
      assertThat((BigDecimal) paid.get("total_paid")).isEqualByComparingTo("95.50");
      assertThat(((OffsetDateTime) paid.get("paid_at")).toInstant())
          .isEqualTo(OffsetDateTime.of(2026, 11, 22, 1, 30, 0, 0, ZoneOffset.UTC).toInstant());
      assertThat(paid.get("buyer_id")).isEqualTo("tb_known_" + format);
      Map<String, Object> done = order(known.get(1));
      assertThat(done.get("status")).isEqualTo("SUCCEEDED");
      assertThat(done.get("buyer_id")).isEqualTo("tb_known_" + format);
      assertThat(done.get("tracking_number")).as("an empty cell erases nothing").isEqualTo("SF100");
    }
  }

  @Test
  void aReportOfStatesOnlyMovesKnownOrdersAndKeepsTheirAmountsAndContacts() throws Exception {
    List<String> known = knownOrders("tb_states");
    String unknown = orderNo();
    byte[] file =
        utf8(
            "订单编号,订单状态\n"
                + known.get(0)
                + ",买家已付款，等待卖家发货\n"
                + unknown
                + ",交易成功\n"
                + known.get(1)
                + ",卖家已发货，等待买家确认\n");
    OrderImporter.Status status = importFile(file, "states.csv");
    assertThat(status.status()).isEqualTo("DONE");
    assertThat(status.updated()).isEqualTo(2);
    assertThat(status.failed()).isEqualTo(1);
    assertThat(importer.errors(status.id(), 0, 10))
        .extracting(OrderImporter.RowError::reason)
        .containsExactly("订单 " + unknown + " 不在系统里，且报表没有买家会员名、订单创建时间、总金额列，无法新建");

    Map<String, Object> nowPaid = order(known.get(0));
    assertThat(nowPaid.get("status")).isEqualTo("PAID");
    assertThat((BigDecimal) nowPaid.get("order_total")).isEqualByComparingTo("88.00");
    assertThat((BigDecimal) nowPaid.get("total_paid"))
        .as("paid since, no amount in the report: what was due")
        .isEqualByComparingTo("88.00");
    assertThat(nowPaid.get("buyer_id")).isEqualTo("tb_states");
    assertThat(nowPaid.get("phone")).isEqualTo("13800001234");
    assertThat(nowPaid.get("address")).isEqualTo("浙江省 杭州市 余杭区 ****");
    Map<String, Object> shipped = order(known.get(1));
    assertThat(shipped.get("status")).isEqualTo("SHIPPED");
    assertThat((BigDecimal) shipped.get("total_paid")).isEqualByComparingTo("88.00");
    assertThat(shipped.get("paid_at")).isNotNull();
    assertThat(shipped.get("tracking_number")).isEqualTo("SF100");

    // the same states again, and a report of order numbers only: nothing changes
    assertThat(importFile(file, "states.csv").unchanged()).isEqualTo(2);
    OrderImporter.Status idsOnly =
        importFile(utf8("订单编号\n" + known.get(0) + "\n" + known.get(1) + "\n"), "ids.csv");
    assertThat(idsOnly.unchanged()).isEqualTo(2);
    assertThat(order(known.get(1)).get("status")).isEqualTo("SHIPPED");
  }

  @Test
  void aTradeClosedBeforePaymentRecordsNothingPaid() throws Exception {
    String known = orderNo();
    String fresh = orderNo();
    importFile(
        csv(
            NEW_HEADINGS,
            List.of(Line.unpaid(known, "tb_closed", "2026-11-22 08:00:00")),
            StandardCharsets.UTF_8,
            true),
        "unpaid.csv");
    OrderImporter.Status status =
        importFile(
            csv(
                NEW_HEADINGS,
                List.of(
                    Line.unpaid(known, "tb_closed", "2026-11-22 08:00:00")
                        .withStatus("交易关闭", "", ""),
                    Line.unpaid(fresh, "tb_closed", "2026-11-22 08:00:00")
                        .withStatus("交易关闭", "", "")),
                StandardCharsets.UTF_8,
                true),
            "closed.csv");
    assertThat(status.failed()).isZero();
    for (String id : List.of(known, fresh)) {
      assertThat(order(id).get("status")).isEqualTo("CLOSED");
      assertThat((BigDecimal) order(id).get("total_paid")).isEqualByComparingTo("0");
    }
  }

  @Test
  void aRowWithoutAnyAmountUpdatesAKnownOrderButCreatesNone() throws Exception {
    List<String> known = knownOrders("tb_no_amount");
    String unknown = orderNo();
    byte[] file =
        csv(
            NEW_HEADINGS,
            List.of(
                Line.unpaid(known.get(0), "tb_no_amount", "2026-11-22 08:00:00")
                    .withAmounts("", "", ""),
                Line.unpaid(unknown, "tb_no_amount", "2026-11-22 08:00:00")
                    .withAmounts("", "", "")),
            StandardCharsets.UTF_8,
            true);
    OrderImporter.Status status = importFile(file, "no-amounts.csv");
    assertThat(status.unchanged()).isEqualTo(1);
    assertThat(status.failed()).isEqualTo(1);
    assertThat(status.message()).doesNotContain("报表没有");
    assertThat(importer.errors(status.id(), 0, 10))
        .extracting(OrderImporter.RowError::reason)
        .containsExactly("订单 " + unknown + " 不在系统里，且这一行没有金额（总金额或买家应付货款），无法新建");
    assertThat((BigDecimal) order(known.get(0)).get("order_total")).isEqualByComparingTo("88.00");
  }

  @Test
  void importsTenThousandRowsInOneRequestWithProgressRecorded() throws Exception {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      lines.add(
          Line.unpaid(
              orderNo(),
              "tb_bulk" + (i % 300),
              "2026-11-21 " + String.format("%02d:%02d:00", i % 24, i % 60)));
    }
    byte[] file = csv(NEW_HEADINGS, lines, StandardCharsets.UTF_8, true);
    // The importer as the application wires it, with its record of progress watched: each time a
    // batch is about to be recorded, a clerk asks for the status from another connection.
    List<Integer> written = new java.util.concurrent.CopyOnWriteArrayList<>();
    List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    var clerk = java.util.concurrent.Executors.newSingleThreadExecutor();
    var background = java.util.concurrent.Executors.newSingleThreadExecutor();
    ImportRecords watched =
        new ImportRecords(jdbc) {
          @Override
          void progress(
              String id,
              int rowsRead,
              int created,
              int updated,
              int unchanged,
              int failed,
              OffsetDateTime now) {
            try {
              OrderImporter.Status asked = clerk.submit(() -> status(id)).get();
              seen.add(asked.status() + " " + asked.rowsRead());
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
            written.add(rowsRead);
            super.progress(id, rowsRead, created, updated, unchanged, failed, now);
          }
        };
    OrderImporter watchedImporter =
        new OrderImporter(
            watched,
            applicationContext.getBean(com.aftersales.shop.LocalOrderBook.class),
            applicationContext.getBean(
                org.springframework.transaction.PlatformTransactionManager.class),
            processEngine.getRuntimeService(),
            background,
            applicationContext.getBean(java.time.Clock.class),
            applicationContext.getBean(ImportLimits.class));
    OrderImporter.Started started;
    try {
      started = watchedImporter.start(new ByteArrayInputStream(file), "big.csv", "agent1");
      started.done().get(5, java.util.concurrent.TimeUnit.MINUTES);
    } finally {
      clerk.shutdownNow();
      background.shutdownNow();
    }
    // one record per batch of OrderImporter.BATCH rows, and the clerk saw each previous one
    List<Integer> steps = new ArrayList<>();
    List<String> running = new ArrayList<>();
    for (int read = OrderImporter.BATCH; read <= 10_000; read += OrderImporter.BATCH) {
      steps.add(read);
      running.add("RUNNING " + (read - OrderImporter.BATCH));
    }
    assertThat(written).containsExactlyElementsOf(steps);
    assertThat(seen).containsExactlyElementsOf(running);
    OrderImporter.Status status = importer.status(started.id());
    assertThat(status.status()).isEqualTo("DONE");
    assertThat(status.rowsRead()).isEqualTo(10_000);
    assertThat(status.created()).isEqualTo(10_000);
    assertThat(status.finishedAt()).isNotNull();
    assertThat(
            jdbc.queryForObject(
                "select count(*) from shop_order where buyer_id like 'tb_bulk%' and order_id in ("
                    + "select order_id from shop_order where imported_at is not null)",
                Integer.class))
        .isGreaterThanOrEqualTo(10_000);
  }

  @Test
  void theSameFileImportedTwiceAtOnceCreatesEachOrderOnce() throws Exception {
    List<Line> lines = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1_200; i++) {
      String id = orderNo();
      ids.add(id);
      lines.add(Line.unpaid(id, "tb_twice", "2026-11-20 10:00:00"));
    }
    byte[] file = csv(NEW_HEADINGS, lines, StandardCharsets.UTF_8, true);
    OrderImporter.Started a = importer.start(new ByteArrayInputStream(file), "a.csv", "agent1");
    OrderImporter.Started b = importer.start(new ByteArrayInputStream(file), "a.csv", "agent2");
    a.done().get();
    b.done().get();
    OrderImporter.Status first = importer.status(a.id());
    OrderImporter.Status second = importer.status(b.id());
    assertThat(first.status()).isEqualTo("DONE");
    assertThat(second.status()).isEqualTo("DONE");
    assertThat(first.created() + second.created()).isEqualTo(1_200);
    assertThat(first.created() + first.unchanged()).isEqualTo(1_200);
    assertThat(second.created() + second.unchanged()).isEqualTo(1_200);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from shop_order where buyer_id = 'tb_twice'", Integer.class))
        .isEqualTo(1_200);
  }
}
