package com.aftersales.followup;

import com.aftersales.base.InvalidInputException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Follow-up results added up per day, agent or product: how many were very, basically or not
 * satisfied.
 */
@Component
class Satisfaction {

  enum By {
    DAY("f.completed_on"),
    AGENT("f.caller"),
    PRODUCT("f.item_title");

    final String column;

    By(String column) {
      this.column = column;
    }

    static By parse(String value) {
      for (By b : values()) {
        if (b.name().equalsIgnoreCase(value == null ? "" : value.trim())) {
          return b;
        }
      }
      throw new InvalidInputException("by", "按什么汇总？可选：day（日期）、agent（客服）、product（商品）");
    }
  }

  /** Counts per metric: very / basically / not satisfied. */
  record Counts(int very, int basic, int not) {}

  record Line(String key, int reached, Counts product, Counts attitude, Counts skill) {}

  private final JdbcTemplate jdbc;

  Satisfaction(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  List<Line> lines(LocalDate from, LocalDate to, By by) {
    StringBuilder select = new StringBuilder("select " + by.column + " as k, count(*) as reached");
    for (String metric : List.of("product_satisfaction", "service_attitude", "service_skill")) {
      for (String level : List.of("VERY", "BASIC", "NOT")) {
        select
            .append(", sum(case when f.")
            .append(metric)
            .append(" = '")
            .append(level)
            .append("' then 1 else 0 end) as ")
            .append(metric)
            .append("_")
            .append(level);
      }
    }
    select.append(
        " from follow_up_call f where f.reached = true and f.completed_on >= ? and f.completed_on <= ?"
            + " group by "
            + by.column
            + " order by 1");
    List<Line> lines = new ArrayList<>();
    jdbc.query(
        select.toString(),
        rs -> {
          lines.add(
              new Line(
                  String.valueOf(rs.getObject("k")),
                  rs.getInt("reached"),
                  new Counts(
                      rs.getInt("product_satisfaction_VERY"),
                      rs.getInt("product_satisfaction_BASIC"),
                      rs.getInt("product_satisfaction_NOT")),
                  new Counts(
                      rs.getInt("service_attitude_VERY"),
                      rs.getInt("service_attitude_BASIC"),
                      rs.getInt("service_attitude_NOT")),
                  new Counts(
                      rs.getInt("service_skill_VERY"),
                      rs.getInt("service_skill_BASIC"),
                      rs.getInt("service_skill_NOT"))));
        },
        from,
        to);
    return lines;
  }
}
