package com.aftersales.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Reading amounts typed into forms. */
class MoneyTest {

  @Test
  void readsNumbersAndTextAsYuanWithTwoDecimals() {
    assertThat(Money.of(12, "f", "金额")).isEqualByComparingTo("12.00");
    assertThat(Money.of(12.5, "f", "金额").toPlainString()).isEqualTo("12.50");
    assertThat(Money.of(" 3.1 ", "f", "金额").toPlainString()).isEqualTo("3.10");
    assertThat(Money.of(null, "f", "金额")).isNull();
    assertThat(Money.of("", "f", "金额")).isNull();
  }

  @Test
  void refusesWhatIsNotAnAmount() {
    assertThatThrownBy(() -> Money.of("abc", "f", "金额")).hasMessageContaining("必须是金额数字");
    assertThatThrownBy(() -> Money.of(-0.01, "f", "金额")).hasMessageContaining("不能为负数");
    assertThatThrownBy(() -> Money.of(1e9, "f", "金额")).hasMessageContaining("金额过大");
    assertThatThrownBy(() -> Money.of("1.234", "f", "金额")).hasMessageContaining("两位小数");
    assertThatThrownBy(() -> Money.required(null, "f", "退款金额")).hasMessageContaining("请填写退款金额");
  }
}
