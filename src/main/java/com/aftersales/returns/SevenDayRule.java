package com.aftersales.returns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * The platform's seven-day no-reason return (七天无理由退货): the seven days are counted from 00:00 of the
 * day after the logistics sign-off, in the shop's time zone, so the last moment is 23:59:59 of the
 * seventh day. Some goods never qualify; goods that lose value once activated or opened qualify
 * only where the shop says so for that product.
 */
public final class SevenDayRule {

  static final int DAYS = 7;

  /** What kind of goods a product is, as far as the rule cares. */
  public enum Category {
    ORDINARY(null),
    CUSTOM_MADE("定制商品"),
    PERISHABLE("生鲜、易腐商品"),
    DIGITAL_OPENED("已下载或已拆封的数字化商品"),
    PERIODICAL("报纸、期刊"),
    SERVICE("服务类商品"),
    SECOND_HAND("二手或拍卖商品"),
    OPENED_SENSITIVE(null);

    final String excludedAs;

    Category(String excludedAs) {
      this.excludedAs = excludedAs;
    }
  }

  /** The answer: whether the return qualifies, and if not, the reason to tell the buyer. */
  public record Verdict(boolean allowed, String reason, OffsetDateTime lastMoment) {}

  private SevenDayRule() {}

  /** The first moment that is too late: 00:00 of the eighth day after the sign-off day. */
  public static ZonedDateTime deadline(OffsetDateTime signedAt, ZoneId zone) {
    LocalDate signDay = signedAt.atZoneSameInstant(zone).toLocalDate();
    return signDay.plusDays(1 + DAYS).atStartOfDay(zone);
  }

  public static Verdict check(
      OffsetDateTime signedAt,
      Instant now,
      ZoneId zone,
      Category category,
      boolean productAcceptsWhenOpened) {
    if (category.excludedAs != null) {
      return new Verdict(false, category.excludedAs + "不适用七天无理由退货", null);
    }
    if (category == Category.OPENED_SENSITIVE && !productAcceptsWhenOpened) {
      return new Verdict(false, "该商品激活或拆封后影响二次销售，本店不支持七天无理由退货", null);
    }
    if (signedAt == null) {
      return new Verdict(false, "查不到物流签收时间，无法计算七天期限，请先核实签收情况", null);
    }
    ZonedDateTime deadline = deadline(signedAt, zone);
    OffsetDateTime last = deadline.minusSeconds(1).toOffsetDateTime();
    if (!now.isBefore(deadline.toInstant())) {
      return new Verdict(
          false, "已超过七天无理由退货期限（签收次日零点起七天，截至 " + last.toLocalDate() + " 23:59:59）", last);
    }
    return new Verdict(true, null, last);
  }
}
