package com.aftersales.api.badinput;

import static com.aftersales.orders.ReportFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.orders.OrderImportTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

/**
 * Order reports a clerk should not have uploaded ({@code POST /api/orders/import}): each file is
 * refused whole, with the status and the Chinese reason naming {@code file}, and nothing is
 * imported. The limits are the small ones of {@code InputLimitsTest} (same application context).
 * Only a file without the 订单编号 column is not an order report: one lacking other columns imports
 * what it can, each order it cannot create being a refused row.
 */
@TestPropertySource(
    properties = {
      "aftersales.orders.import.max-rows=300",
      "aftersales.orders.import.max-unpacked-size=1MB",
      "aftersales.orders.import.max-errors-kept=50",
      "aftersales.orders.import.concurrent=1",
      "aftersales.orders.import.queued=0",
      "aftersales.orders.import.stale-after=PT10M",
      "aftersales.registers.max-export-rows=3"
    })
class UploadBadInputTest extends BadInputSuite {

  private static final Charset GBK = Charset.forName("GBK");

  private static Arguments row(
      String what, String name, Supplier<byte[]> file, int status, String fragment) {
    return Arguments.of(what, name, file, status, fragment);
  }

  private static byte[] bytes(int... b) {
    byte[] out = new byte[b.length];
    for (int i = 0; i < b.length; i++) {
      out[i] = (byte) b[i];
    }
    return out;
  }

  private static byte[] random(int size, long seed) {
    byte[] out = new byte[size];
    new Random(seed).nextBytes(out);
    return out;
  }

  private static List<Line> paid(int n) {
    List<Line> lines = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      lines.add(
          Line.paid(
              OrderImportTest.orderNo(),
              "tb_ubi" + i,
              "2026-11-22 10:00:00",
              "2026-11-22 10:05:00"));
    }
    return lines;
  }

  private static List<String> withoutOrderNumber() {
    List<String> headings = new ArrayList<>(NEW_HEADINGS);
    headings.remove("订单编号");
    return headings;
  }

  /** A good report whose text is then spoiled. */
  private static byte[] spoiled(String from, String to) {
    String good =
        new String(
            csv(NEW_HEADINGS, paid(2), StandardCharsets.UTF_8, false), StandardCharsets.UTF_8);
    int at = good.indexOf('\n') + 1; // after the headings
    return (good.substring(0, at) + good.substring(at).replaceFirst(from, to))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] zip(String entry, byte[] content) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (ZipOutputStream z = new ZipOutputStream(out)) {
        z.putNextEntry(new ZipEntry(entry));
        z.write(content);
        z.closeEntry();
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] xlsxOf(List<String> headings, List<Line> lines) {
    try {
      return xlsx(headings, lines);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Stream<Arguments> files() {
    return Stream.of(
        row("empty CSV", "订单.csv", () -> new byte[0], 400, "请选择要导入的订单报表文件"),
        row("empty xlsx", "订单.xlsx", () -> new byte[0], 400, "请选择要导入的订单报表文件"),
        row("only blanks", "订单.csv", () -> utf8("   \n\n  \n"), 400, "没有“订单编号”列"),
        row("only a byte-order mark", "订单.csv", () -> bytes(0xEF, 0xBB, 0xBF), 400, "没有“订单编号”列"),
        row("a stock list", "库存.csv", () -> utf8("商品编码,商品名称,库存\nA001,保温杯,12\n"), 400, "没有“订单编号”列"),
        row(
            "a stock list in GBK",
            "库存.csv",
            () -> "商品编码,商品名称,库存\nA001,保温杯,12\n".getBytes(GBK),
            400,
            "没有“订单编号”列"),
        row(
            "an order report without the order number column",
            "订单.csv",
            () -> csv(withoutOrderNumber(), paid(2), StandardCharsets.UTF_8, true),
            400,
            "没有“订单编号”列"),
        row(
            "a workbook without the order number column",
            "订单.xlsx",
            () -> xlsxOf(withoutOrderNumber(), paid(2)),
            400,
            "没有“订单编号”列"),
        row(
            "tab separated",
            "订单.csv",
            () -> utf8(String.join("\t", NEW_HEADINGS) + "\n1\ttb\n"),
            400,
            "订单编号"),
        row(
            "an HTML page",
            "订单.csv",
            () -> utf8("<html><body>登录已过期</body></html>"),
            400,
            "没有“订单编号”列"),
        row("a JSON file", "orders.json", () -> utf8("[{\"orderId\":\"1\"}]"), 400, "没有“订单编号”列"),
        row("a picture", "photo.png", () -> bytes(0x89, 'P', 'N', 'G', 0, 0, 0, 13), 400, "不是订单报表"),
        row(
            "a JPEG named .csv",
            "订单.csv",
            () -> bytes(0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F'),
            400,
            "不是订单报表"),
        row("a PDF", "订单.pdf", () -> utf8("%PDF-1.4\n%âãÏÓ\n1 0 obj\n"), 400, "不是订单报表"),
        row("an old .xls", "old.xls", () -> bytes(0xD0, 0xCF, 0x11, 0xE0, 1, 2, 3, 4), 400, ".xls"),
        row(
            "an old .xls renamed .csv",
            "old.csv",
            () -> bytes(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1),
            400,
            ".xls"),
        row("random binary", "订单.csv", () -> random(4096, 7), 400, "不是订单报表"),
        row("zeros", "订单.csv", () -> new byte[2048], 400, "不是订单报表"),
        row("unclosed quote", "订单.csv", () -> spoiled(",", ",\"tb_"), 400, "CSV 格式有误：第 2 行附近引号不成对"),
        row(
            "quote never closed before the end",
            "订单.csv",
            () -> utf8(String.join(",", NEW_HEADINGS) + "\n\"3012345678901234,tb_x,"),
            400,
            "CSV 格式有误"),
        row(
            "quote inside a cell",
            "订单.csv",
            () -> spoiled(",", ",\"tb\"x\","),
            400,
            "CSV 格式有误：第 2 行附近引号不成对"),
        row(
            "a zip that is not a workbook",
            "订单.xlsx",
            () -> zip("readme.txt", utf8("你好")),
            400,
            "无法读取这个 .xlsx 文件"),
        row(
            "a cut-off workbook",
            "订单.xlsx",
            () -> Arrays.copyOf(xlsxOf(NEW_HEADINGS, paid(2)), 300),
            400,
            "无法读取这个 .xlsx 文件"),
        row(
            "a workbook of stock",
            "库存.xlsx",
            () -> xlsxOf(List.of("商品编码", "商品名称", "库存"), List.of()),
            400,
            "没有“订单编号”列"),
        row(
            "too many rows",
            "太多行.csv",
            () -> csv(NEW_HEADINGS, paid(301), StandardCharsets.UTF_8, true),
            413,
            "超过 300 行的上限"),
        row(
            "too many rows in GBK",
            "太多行.csv",
            () -> csv(OLD_HEADINGS, paid(400), GBK, false),
            413,
            "超过 300 行的上限"),
        row(
            "too many rows in a workbook",
            "太多行.xlsx",
            () -> xlsxOf(NEW_HEADINGS, paid(301)),
            413,
            "超过 300 行的上限"),
        row(
            "a zip bomb",
            "炸弹.xlsx",
            () -> zip("xl/worksheets/sheet1.xml", new byte[3 * 1024 * 1024]),
            413,
            "解压后超过 1 MB 的上限"),
        row(
            "a file above the upload limit",
            "大.csv",
            () -> random(5 * 1024 * 1024, 3),
            413,
            "文件超过上传上限"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void refusedWholeAndNothingImported(
      String what, String name, Supplier<byte[]> file, int status, String fragment) {
    byte[] content = file.get();
    Map<String, Long> before = stored();
    ResponseEntity<String> r = as("agent1").upload("/api/orders/import?wait=true", name, content);
    assertRefused(what, before, r, status, fragment, "file");
  }

  /**
   * Reports that have the order number column but lack others (once refused whole): they are
   * imported, and each order we do not know is a refused row saying which columns it lacks.
   */
  static Stream<Arguments> lackingColumns() {
    String id = OrderImportTest.orderNo();
    return Stream.of(
        Arguments.of("订单编号,备注\n" + id + ",x\n", id, "买家会员名、订单状态、订单创建时间、总金额"),
        Arguments.of(
            "订单编号,买家会员名,订单创建时间,总金额\n" + id + ",tb,2026-11-22 10:00:00,88.00\n", id, "订单状态"),
        Arguments.of("订单编号\n", null, "买家会员名、订单状态、订单创建时间、总金额"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lackingColumns")
  void aReportLackingColumnsImportsWhatItCan(String text, String unknown, String missing) {
    ResponseEntity<String> r =
        as("agent1").upload("/api/orders/import?wait=true", "部分列.csv", utf8(text));
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    var status = json(r.getBody());
    assertThat(status.path("status").asText()).isEqualTo("DONE");
    assertThat(status.path("created").asInt()).isZero();
    assertThat(status.path("failed").asInt()).isEqualTo(unknown == null ? 0 : 1);
    assertThat(status.path("message").asText()).contains("报表没有" + missing + "列");
    var errors = json(as("agent1").get(r.getHeaders().getLocation() + "/errors").getBody());
    if (unknown != null) {
      assertThat(errors.path(0).path("reason").asText())
          .isEqualTo("订单 " + unknown + " 不在系统里，且报表没有" + missing + "列，无法新建");
    } else {
      assertThat(errors.size()).isZero();
    }
  }
}
