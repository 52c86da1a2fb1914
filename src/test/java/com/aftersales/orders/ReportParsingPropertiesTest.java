package com.aftersales.orders;

import static com.aftersales.orders.ReportFixtures.NEW_HEADINGS;
import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.shop.ReportedOrder;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;

/**
 * Whatever a report row holds, reading it either gives an order or says what is wrong with the row
 * ({@link OrderReport.RowProblem}, shown to the clerk with its line) — never anything else; and
 * amounts and times written the way the back office writes them read back as they were.
 */
class ReportParsingPropertiesTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final OrderReport REPORT = OrderReport.layout(NEW_HEADINGS, SHANGHAI);
  private static final int GOODS = NEW_HEADINGS.indexOf("买家应付货款");
  private static final int CREATED = NEW_HEADINGS.indexOf("订单创建时间");
  private static final int QUANTITY = NEW_HEADINGS.indexOf("宝贝总数量");

  /** A good row of a current export, as cells. */
  private static List<String> goodRow() {
    return new ArrayList<>(
        ReportFixtures.cells(
            NEW_HEADINGS,
            ReportFixtures.Line.paid(
                "3012345678901234", "tb_prop", "2026-11-22 10:00:00", "2026-11-22 10:05:00"),
            false));
  }

  /** Reads the row: the order, or null when the row was refused with a clerk-facing reason. */
  private static ReportedOrder readOrRefuse(List<String> cells) {
    try {
      return REPORT.read(cells);
    } catch (OrderReport.RowProblem refused) {
      assertThat(refused.getMessage()).isNotBlank();
      return null;
    }
  }

  /** Text that looks like numbers, dates and money, and anything else. */
  @Provide
  Arbitrary<String> cellText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(40),
        Arbitraries.strings().withChars("0123456789.,-+eE:/ T¥￥元=\"'").ofMaxLength(25),
        Arbitraries.of(
            "1E-2147483647",
            "1E+2147483647",
            "1e999999999",
            "-0",
            "NaN",
            "Infinity",
            "99999",
            "99999.99999",
            "2026-02-30 10:00:00",
            "2026-13-01",
            "+999999999-01-01",
            "0000-00-00",
            "9999999999999999999999",
            "1,2,3",
            "¥-5",
            "=\"3012\"",
            "\u0000",
            "\t"));
  }

  @Property(tries = 500)
  void anyRowIsReadOrRefusedWithAReason(
      @ForAll @Size(max = 30) List<@From("cellText") String> cells) {
    readOrRefuse(cells);
  }

  @Property(tries = 500)
  void anyMoneyDateOrQuantityCellIsReadOrRefusedWithAReason(
      @ForAll("cellText") String goods,
      @ForAll("cellText") String created,
      @ForAll("cellText") String quantity) {
    List<String> cells = goodRow();
    cells.set(GOODS, goods);
    cells.set(CREATED, created);
    cells.set(QUANTITY, quantity);
    readOrRefuse(cells);
  }

  @Property(tries = 500)
  void anyOneCellOfAGoodRowIsReadOrRefusedWithAReason(
      @ForAll("checkedColumn") int column, @ForAll("cellText") String text) {
    List<String> cells = goodRow();
    cells.set(column, text);
    readOrRefuse(cells);
  }

  @Provide
  Arbitrary<Integer> checkedColumn() {
    return Arbitraries.of(
            "订单编号",
            "买家会员名",
            "买家应付货款",
            "买家应付邮费",
            "总金额",
            "买家实际支付金额",
            "订单状态",
            "订单创建时间",
            "订单付款时间 ",
            "宝贝总数量",
            "联系手机")
        .map(NEW_HEADINGS::indexOf);
  }

  @Property(tries = 500)
  void amountsReadBackAsWritten(
      @ForAll @BigRange(min = "0", max = "10000000") @Scale(2) BigDecimal amount,
      @ForAll("moneyWriting") java.util.function.Function<BigDecimal, String> writing) {
    List<String> cells = goodRow();
    cells.set(GOODS, writing.apply(amount));
    assertThat(REPORT.read(cells).goods()).isEqualByComparingTo(amount);
  }

  @Provide
  Arbitrary<java.util.function.Function<BigDecimal, String>> moneyWriting() {
    return Arbitraries.of(
        BigDecimal::toPlainString,
        a -> "¥" + a.toPlainString(),
        a -> "￥" + a.toPlainString() + "元",
        a -> String.format(java.util.Locale.ROOT, "%,.2f", a),
        a -> " " + a.toPlainString() + " ");
  }

  @Property(tries = 500)
  void timesReadBackAsWritten(
      @ForAll("reportTimes") LocalDateTime time, @ForAll("timeWriting") String pattern) {
    List<String> cells = goodRow();
    cells.set(CREATED, time.format(DateTimeFormatter.ofPattern(pattern)));
    assertThat(REPORT.read(cells).createdAt().toLocalDateTime()).isEqualTo(time);
  }

  @Provide
  Arbitrary<LocalDateTime> reportTimes() {
    return Arbitraries.longs()
        .between(0, 20L * 365 * 86_400)
        .map(s -> LocalDateTime.of(2015, 1, 1, 0, 0).plusSeconds(s));
  }

  @Provide
  Arbitrary<String> timeWriting() {
    return Arbitraries.of(
        "yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm:ss", "yyyy-M-d H:m:s", "yyyy-MM-dd'T'HH:mm:ss");
  }
}
