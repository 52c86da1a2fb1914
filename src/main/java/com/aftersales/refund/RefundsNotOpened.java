package com.aftersales.refund;

import com.aftersales.base.ConsoleNotices;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Refunds the buyer filed on the platform that could not open a case by themselves (the refund's
 * checks refused them): the console lists them so that someone handles them before the platform's
 * clock refunds them unanswered. A newer change of the refund that opens a case removes it.
 */
@Component
class RefundsNotOpened implements ConsoleNotices {

  static final int SHOWN = 20;

  private final JdbcTemplate jdbc;

  RefundsNotOpened(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Notice> notices() {
    return jdbc.query(
        "select refund_id, order_id, note, linked_at from refund_platform_link"
            + " where state = 'NOT_OPENED' order by linked_at desc",
        rs -> {
          List<Notice> found = new java.util.ArrayList<>();
          while (rs.next() && found.size() < SHOWN) {
            found.add(
                new Notice(
                    "refund-not-opened",
                    "平台退款 "
                        + rs.getString("refund_id")
                        + "（订单 "
                        + rs.getString("order_id")
                        + "）未能自动开单："
                        + rs.getString("note")
                        + "；请在千牛处理，或核对后手动建退款单",
                    rs.getObject("linked_at", OffsetDateTime.class)));
          }
          return found;
        });
  }
}
