package com.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.returns.SevenDayRule.Category;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The seven-day no-reason rule, table-driven, on the edges of the window. */
class SevenDayRuleTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private static OffsetDateTime at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toOffsetDateTime();
  }

  @ParameterizedTest(name = "signed {0}, asked {1} -> {2}")
  @CsvSource({
    // signed (Shanghai)   , asked (Shanghai)     , allowed
    "2026-11-01T10:00:00, 2026-11-01T10:05:00, true", // same day
    "2026-11-01T10:00:00, 2026-11-08T23:59:59, true", // day 7 at 23:59:59
    "2026-11-01T10:00:00, 2026-11-09T00:00:00, false", // day 8 at 00:00
    "2026-11-01T23:59:00, 2026-11-08T23:59:00, true", // signed just before midnight: counting
    // starts on the 2nd
    "2026-11-01T23:59:00, 2026-11-09T00:00:01, false",
    "2026-11-02T00:00:30, 2026-11-09T23:59:00, true", // signed just after midnight: one more day
    "2026-10-28T12:00:00, 2026-11-04T23:00:00, true", // across a month end
    "2026-10-28T12:00:00, 2026-11-05T00:00:00, false",
  })
  void countsSevenDaysFromMidnightAfterSignOff(String signed, String asked, boolean allowed) {
    var verdict =
        SevenDayRule.check(at(signed), at(asked).toInstant(), SHANGHAI, Category.ORDINARY, false);
    assertThat(verdict.allowed()).isEqualTo(allowed);
    if (!allowed) {
      assertThat(verdict.reason()).contains("已超过七天无理由退货期限");
    }
  }

  @ParameterizedTest(name = "{0} (accepts when opened: {1}) -> {2}")
  @CsvSource({
    "ORDINARY, false, true, ",
    "CUSTOM_MADE, true, false, 定制商品不适用",
    "PERISHABLE, true, false, 生鲜",
    "DIGITAL_OPENED, true, false, 数字化商品",
    "PERIODICAL, true, false, 报纸、期刊",
    "SERVICE, true, false, 服务类",
    "SECOND_HAND, true, false, 二手或拍卖",
    "OPENED_SENSITIVE, false, false, 激活或拆封后",
    "OPENED_SENSITIVE, true, true, ",
  })
  void excludedAndOptionalCategories(
      Category category, boolean accepts, boolean allowed, String reason) {
    var verdict =
        SevenDayRule.check(
            at("2026-11-01T10:00:00"),
            at("2026-11-02T10:00:00").toInstant(),
            SHANGHAI,
            category,
            accepts);
    assertThat(verdict.allowed()).isEqualTo(allowed);
    if (reason != null) {
      assertThat(verdict.reason()).contains(reason);
    }
  }

  @org.junit.jupiter.api.Test
  void theWindowIsCountedInTheShopsTimeZone() {
    // 2026-11-01 17:00 UTC is 2026-11-02 01:00 in Shanghai: the sign-off day is the 2nd there
    OffsetDateTime signed = OffsetDateTime.parse("2026-11-01T17:00:00Z");
    assertThat(SevenDayRule.deadline(signed, SHANGHAI).toLocalDateTime())
        .isEqualTo(LocalDateTime.parse("2026-11-10T00:00:00"));
    assertThat(
            SevenDayRule.check(
                    signed,
                    at("2026-11-09T23:00:00").toInstant(),
                    SHANGHAI,
                    Category.ORDINARY,
                    false)
                .allowed())
        .isTrue();
  }

  @org.junit.jupiter.api.Test
  void withoutASignOffTheWindowCannotBeCounted() {
    assertThat(
            SevenDayRule.check(
                    null, at("2026-11-02T10:00:00").toInstant(), SHANGHAI, Category.ORDINARY, false)
                .reason())
        .contains("查不到物流签收时间");
  }
}
