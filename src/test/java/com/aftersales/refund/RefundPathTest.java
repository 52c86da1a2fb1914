package com.aftersales.refund;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.refund.RefundClocks.AnswerPath;
import com.aftersales.shop.PlatformRefund;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which way the money goes: a refund the buyer filed follows the trade state (SOP §5); money a
 * claim, return or exchange offers is paid by the platform only through a refund the buyer has open
 * there, else finance transfers it. Never a platform clock without a platform refund.
 */
class RefundPathTest {

  @ParameterizedTest(name = "{0}, standalone={1}, return={2}, platform refund open={3} -> {4}")
  @CsvSource({
    // a refund case of its own (the buyer filed it): the trade state decides
    "NOT_SHIPPED,     true,  false, false, RETAIN",
    "NOT_RECEIVED,    true,  false, false, INTERCEPT",
    "RECEIVED,        true,  false, false, FINANCE",
    "RECEIVED,        true,  true,  false, RETURN",
    "TRADE_SUCCEEDED, true,  false, false, TRANSFER",
    "NONE,            true,  false, false, NONE",
    // called by a claim, return or exchange, the buyer has a refund open on the platform
    "NOT_SHIPPED,     false, false, true,  FINANCE",
    "NOT_RECEIVED,    false, false, true,  FINANCE",
    "RECEIVED,        false, false, true,  FINANCE",
    "TRADE_SUCCEEDED, false, false, true,  FINANCE",
    "NONE,            false, false, true,  NONE",
    // called, nothing filed on the platform: the shop pays by itself
    "NOT_SHIPPED,     false, false, false, TRANSFER",
    "NOT_RECEIVED,    false, false, false, TRANSFER",
    "RECEIVED,        false, false, false, TRANSFER",
    "RECEIVED,        false, true,  false, TRANSFER",
    "TRADE_SUCCEEDED, false, false, false, TRANSFER",
    "NONE,            false, false, false, NONE",
  })
  void thePathFollowsWhoPays(
      TradeState state,
      boolean standalone,
      boolean returnRequired,
      boolean platformRefundOpen,
      AnswerPath expected) {
    assertThat(RefundClocks.path(state, standalone, returnRequired, platformRefundOpen))
        .isEqualTo(expected);
  }

  private static PlatformRefund refund(String id, String amount, int hoursAgo) {
    OffsetDateTime at = OffsetDateTime.parse("2026-11-20T12:00:00+08:00").minusHours(hoursAgo);
    return new PlatformRefund(
        id,
        "T1001",
        "T1001",
        new BigDecimal(amount),
        "WAIT_SELLER_AGREE",
        "aftersale",
        1L,
        false,
        null,
        null,
        null,
        null,
        at,
        at);
  }

  @ParameterizedTest(name = "named {0}, amount {1} -> {2}")
  @CsvSource({
    // the refund already named, while still open
    "202,  5.00,  202",
    // else the one of the amount asked
    ",     5.00,  202",
    "999,  5.00,  202",
    // else the oldest
    ",     7.00,  201",
    ",         ,  201",
  })
  void theCalledRefundAnswersTheRightPlatformRefund(String named, String amount, String expected) {
    List<PlatformRefund> open = List.of(refund("202", "5.00", 1), refund("201", "89.00", 3));
    assertThat(CalledRefundLink.choose(open, named, amount == null ? null : new BigDecimal(amount)))
        .map(PlatformRefund::refundId)
        .contains(expected);
  }

  @ParameterizedTest(name = "amount {0}")
  @CsvSource({"5.00", "89.00"})
  void noOpenPlatformRefundIsNone(String amount) {
    assertThat(CalledRefundLink.choose(List.of(), null, new BigDecimal(amount))).isEmpty();
  }
}
