package com.aftersales.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/**
 * {@link Money#of}: whatever a form sends is an amount or a clerk-facing {@link
 * InvalidInputException}; valid amounts come back as they were; negative amounts and fractions of a
 * fen are refused.
 */
class MoneyPropertiesTest {

  @Provide
  Arbitrary<Object> anything() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
        Arbitraries.strings().withChars("0123456789.,-+eE ").ofMaxLength(20).map(s -> (Object) s),
        Arbitraries.doubles().map(d -> (Object) d),
        Arbitraries.of(
            Double.NaN,
            Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY,
            -0.0,
            Long.MAX_VALUE,
            "1E-2147483647",
            "1E+2147483647",
            "NaN",
            "Infinity",
            true,
            new Object()));
  }

  @Property(tries = 500)
  void anythingIsAnAmountOrARefusalNamingTheField(@ForAll("anything") Object value) {
    try {
      BigDecimal amount = Money.of(value, "refundAmount", "退款金额");
      if (amount != null) {
        assertThat(amount.scale()).isEqualTo(2);
        assertThat(amount.signum()).isNotNegative();
        assertThat(amount).isLessThanOrEqualTo(Money.MAX);
      }
    } catch (InvalidInputException refused) {
      assertThat(refused.field()).isEqualTo("refundAmount");
      assertThat(refused.getMessage()).startsWith("退款金额");
    }
  }

  @Property(tries = 500)
  void validAmountsRoundTrip(
      @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) BigDecimal amount) {
    assertThat(Money.of(amount.toPlainString(), "f", "金额")).isEqualTo(amount.setScale(2));
    assertThat(Money.of(" " + amount.toPlainString() + " ", "f", "金额"))
        .isEqualTo(amount.setScale(2));
    assertThat(Money.of(amount.doubleValue(), "f", "金额")).isEqualTo(amount.setScale(2));
    assertThat(Money.of(Money.variable(amount), "f", "金额")).isEqualTo(amount.setScale(2));
  }

  @Property(tries = 500)
  void moreThanTwoDecimalsAreRefused(
      @ForAll @BigRange(min = "0", max = "999999") @Scale(2) BigDecimal amount,
      @ForAll @IntRange(min = 1, max = 9) int lastDigit,
      @ForAll @IntRange(min = 3, max = 12) int position) {
    BigDecimal finer = amount.add(BigDecimal.valueOf(lastDigit).movePointLeft(position));
    assertThatThrownBy(() -> Money.of(finer.toPlainString(), "f", "金额"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("最多保留两位小数");
  }

  @Property(tries = 500)
  void negativeAmountsAreRefused(
      @ForAll @BigRange(min = "-1000000", max = "-0.01") @Scale(2) BigDecimal amount) {
    assertThatThrownBy(() -> Money.of(amount.toPlainString(), "f", "金额"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("不能为负数");
  }
}
