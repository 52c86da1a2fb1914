package com.aftersales.registers;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.support.ProcessTestBase;
import java.io.ByteArrayInputStream;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every register exports in Chinese: a row for every code each register column stores (taken from
 * the flows' own enums), every register exported, every cell scanned for a code or an English
 * yes/no.
 */
class RegisterLabelsTest extends ProcessTestBase {

  /** A code as the flows store it: {@code DAMAGE}, {@code AGREED/FINANCE}. */
  static final Pattern CODE = Pattern.compile("^[A-Z_]+(/[A-Z_]+)*$");

  @Autowired JdbcTemplate jdbc;
  @Autowired TestRestTemplate http;

  private final AtomicInteger serial = new AtomicInteger();

  static List<String> codesOf(String enumClass) {
    try {
      return Arrays.stream(Class.forName(enumClass).getEnumConstants())
          .map(e -> ((Enum<?>) e).name())
          .toList();
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no enum " + enumClass, e);
    }
  }

  static List<String> composite(List<String> firsts, List<String> seconds) {
    List<String> all = new ArrayList<>();
    for (String a : firsts) {
      for (String b : seconds) {
        all.add(a + "/" + b);
      }
    }
    return all;
  }

  /** Register table, code column, every code the flows write there. */
  Map<String, Map<String, List<String>>> codes() {
    String claims = "com.aftersales.claims.";
    String refund = "com.aftersales.refund.RefundCase$";
    String returns = "com.aftersales.returns.";
    String followup = "com.aftersales.followup.";
    String dunning = "com.aftersales.dunning.DunningService$";
    List<String> category = new ArrayList<>();
    category.addAll(codesOf(claims + "DamageType"));
    category.addAll(codesOf(claims + "ProblemKind"));
    category.addAll(composite(codesOf(claims + "ProblemKind"), codesOf(claims + "Cause")));
    category.addAll(
        composite(
            codesOf(returns + "PostageLiability$CauseGroup"), codesOf(returns + "ReturnCause")));
    category.addAll(codesOf(refund + "Outcome"));
    category.addAll(composite(codesOf(refund + "Outcome"), codesOf(refund + "Settlement")));
    Map<String, Map<String, List<String>>> codes = new LinkedHashMap<>();
    codes.put(
        "after_sales_case",
        Map.of(
            "kind", codesOf("com.aftersales.cases.CaseKind"),
            "status", codesOf("com.aftersales.cases.CaseStatus"),
            "category", category));
    codes.put("courier_loss", Map.of("claim_state", List.of("OPEN")));
    codes.put(
        "return_register", Map.of("return_type", codesOf(returns + "PostageLiability$CauseGroup")));
    codes.put(
        "dunning_detail",
        Map.of(
            "channel", codesOf(dunning + "Channel"),
            "answered_by", codesOf(dunning + "AnsweredBy"),
            "result", codesOf(dunning + "Result")));
    codes.put(
        "follow_up_call",
        Map.of(
            "scenario", codesOf(followup + "Scenario"),
            "region",
                List.of(
                    "EAST",
                    "NORTH",
                    "NORTHEAST",
                    "CENTRAL",
                    "SOUTH",
                    "SOUTHWEST",
                    "NORTHWEST",
                    "OTHER"),
            "product_satisfaction", List.of("VERY", "BASIC", "NOT"),
            "service_attitude", List.of("VERY", "BASIC", "NOT"),
            "problem", codesOf(followup + "FollowUpCallSteps$Problem"),
            "route_to", codesOf(followup + "FollowUpCallSteps$RouteTo"),
            "outcome", List.of("DONE", "ROUTED", "NOT_REACHED")));
    codes.put(
        "complaint",
        Map.of(
            "kind", codesOf(followup + "ComplaintService$Kind"),
            "department", codesOf(followup + "ComplaintService$Department")));
    return codes;
  }

  @Test
  void everyRegisterExportsEveryCodeInChinese() throws Exception {
    codes()
        .forEach(
            (table, columns) ->
                columns.forEach((column, values) -> values.forEach(v -> insert(table, column, v))));
    insert("reship_form", "quantity", 1);
    insert("spot_check", "total_score", 10);
    // the logistics register stores the Chinese labels beside its codes and exports the labels
    codesOf("com.aftersales.logistics.LogisticsChoices$Source")
        .forEach(code -> insert("logistics_register", "source", code));

    List<String> untranslated = new ArrayList<>();
    for (Register register : Register.values()) {
      byte[] xlsx =
          http.withBasicAuth("supervisor", "demo")
              .getForEntity("/api/registers/" + register.path() + "/export.xlsx", byte[].class)
              .getBody();
      try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
        List<Row> rows = wb.getFirstSheet().read();
        assertThat(rows).as(register.title()).hasSizeGreaterThan(1);
        for (Row row : rows) {
          for (int c = 0; c < row.getCellCount(); c++) {
            String text = row.getCellText(c);
            if (text != null && (CODE.matcher(text).matches() || text.matches("(?i)true|false"))) {
              untranslated.add(
                  register.title() + " " + register.columns().get(c).label() + "：" + text);
            }
          }
        }
      }
    }
    assertThat(untranslated).isEmpty();
  }

  @Test
  void theReturnRegistersTotalCountsThePiecesOfEachProductAndSize() throws Exception {
    String product = "玫瑰精油 " + System.nanoTime() + "ml";
    for (int pieces : new int[] {2, 3}) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("product_name", product);
      row.put("quantity", pieces);
      row.put("return_type", "BUYER");
      insert("return_register", row);
    }
    byte[] xlsx =
        http.withBasicAuth("supervisor", "demo")
            .getForEntity("/api/registers/returns/export.xlsx", byte[].class)
            .getBody();
    try (var wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
      var total = wb.findSheet("合计").orElseThrow().read();
      assertThat(total.get(0).getCellText(1)).isEqualTo("合计（退回件数）");
      assertThat(total)
          .filteredOn(r -> product.equals(r.getCellText(0)))
          .singleElement()
          .satisfies(r -> assertThat(r.getCell(1).asNumber()).isEqualByComparingTo("5"));
    }
  }

  /** A row with {@code value} in {@code column} and every other required column filled. */
  private void insert(String table, String column, Object value) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put(column, value);
    insert(table, row);
  }

  private void insert(String table, Map<String, Object> row) {
    jdbc.execute(
        (java.sql.Connection con) -> {
          DatabaseMetaData meta = con.getMetaData();
          for (String name : List.of(table, table.toUpperCase())) {
            try (ResultSet rs = meta.getColumns(null, null, name, null)) {
              while (rs.next()) {
                String col = rs.getString("COLUMN_NAME").toLowerCase();
                boolean required = rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls;
                boolean generated =
                    "YES".equals(rs.getString("IS_AUTOINCREMENT"))
                        || "YES".equals(rs.getString("IS_GENERATEDCOLUMN"));
                if (!required || generated || row.containsKey(col)) {
                  continue;
                }
                if (rs.getString("COLUMN_DEF") != null) {
                  continue;
                }
                row.put(col, sample(rs.getInt("DATA_TYPE")));
              }
            }
          }
          return null;
        });
    String sql =
        "insert into "
            + table
            + " ("
            + String.join(",", row.keySet())
            + ") values ("
            + String.join(",", row.keySet().stream().map(k -> "?").toList())
            + ")";
    jdbc.update(sql, row.values().toArray());
  }

  private Object sample(int type) {
    return switch (type) {
      case Types.TIMESTAMP_WITH_TIMEZONE, Types.TIMESTAMP -> OffsetDateTime.now();
      case Types.DATE -> LocalDate.now();
      case Types.BOOLEAN, Types.BIT -> false;
      case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.NUMERIC, Types.DECIMAL -> 1;
      default -> "登记测试" + serial.incrementAndGet();
    };
  }
}
