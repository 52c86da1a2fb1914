package com.aftersales.claims;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What ships for each problem, and what a buyer keeping a wrong item pays. */
class WrongItemShipmentTest {

  @ParameterizedTest(name = "{0} -> {6} x{7}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        "MISSING_GIFT    | 3 | -       | -        | -       | 小样 | 小样 | 1 | 漏发赠品：补寄 小样 | true",
        "WRONG_PRODUCT   | 3 | 红色 M | 蓝色 L | -       | -    | 面霜（红色 M） | 1 | 发错商品：买家收到 蓝色 L，应为 面霜（红色 M） | false",
        "MISSING_PRODUCT | 3 | -       | -        | -       | -    | 面霜 | 2 | 少发商品：缺 2 件 面霜 | false",
        "MISSING_PRODUCT | 3 | 红色 M | -        | 洁面乳 | -    | 洁面乳 | 2 | 少发商品：缺 2 件 洁面乳 | false",
        "WRONG_ADDRESS   | 3 | -       | -        | -       | -    | 面霜 | 3 | 发错地址：按正确地址重发 面霜 | false",
      })
  void whatIsWrongDecidesWhatShips(
      ProblemKind kind,
      long orderQuantity,
      String variant,
      String arrived,
      String missing,
      String gift,
      String items,
      long quantity,
      String reason,
      boolean isGift) {
    long affected = kind == ProblemKind.MISSING_PRODUCT ? 2 : 1;
    WrongItemShipment.Plan plan =
        WrongItemShipment.plan(
            new WrongItemShipment.Report(
                kind, "面霜", orderQuantity, variant, arrived, missing, gift, affected));
    assertThat(plan).isEqualTo(new WrongItemShipment.Plan(items, quantity, reason, isGift));
  }

  @ParameterizedTest(name = "keep {1} x {0} yuan at {2} off -> {3}")
  @CsvSource({
    "40.00, 1, 0.3, 28.00",
    "40.00, 2, 0.3, 56.00",
    "19.99, 1, 0.25, 14.99",
    "10, 1, 0, 10.00"
  })
  void keepingAWrongItemCostsItsPriceLessTheTablesDiscount(
      String price, long pieces, double rate, String due) {
    assertThat(WrongItemShipment.differenceDue(new BigDecimal(price), pieces, rate))
        .isEqualByComparingTo(due);
  }

  @ParameterizedTest(name = "{0} offers {1}")
  @CsvSource({
    "WRONG_PRODUCT,   'EXCHANGE,KEEP_WITH_DISCOUNT,RESHIP,REFUND'",
    "MISSING_PRODUCT, 'RESHIP,REFUND'",
    "MISSING_GIFT,    'RESHIP,REFUND'",
    "WRONG_ADDRESS,   'RESHIP,REFUND'",
  })
  void eachProblemOffersOnlyWhatItAllows(ProblemKind kind, String choices) {
    assertThat(WrongItemShipment.CHOICES.get(kind).stream().map(Enum::name))
        .containsExactlyInAnyOrder(choices.split(","));
    assertThat(WrongItemSteps.options(kind).toString()).contains("\"value\":\"REFUND\"");
  }
}
