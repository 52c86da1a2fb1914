package com.aftersales.dunning;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The dunning summary (催款汇总), computed from the dunning cases and detail rows: per order day and
 * agent (the one who made the first contact), orders, reached, paid after dunning, amount recovered
 * and the conversion rate.
 */
@Component
public class DunningSummary {

  /** One line of the summary. */
  public record Line(
      LocalDate day,
      String agent,
      int orders,
      int reached,
      int paidAfterDunning,
      BigDecimal amountRecovered,
      BigDecimal conversionRate) {}

  static final String NOT_CONTACTED = "（未联系）";

  private final JdbcTemplate jdbc;

  DunningSummary(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  public List<Line> lines(LocalDate from, LocalDate to) {
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, BigDecimal> amounts = new TreeMap<>();
    jdbc.query(
        "select c.case_id, c.run_date, c.amount, c.outcome,"
            + " (select d.agent from dunning_detail d where d.case_id = c.case_id order by d.id"
            + "   fetch first 1 rows only) as first_agent,"
            + " (select count(*) from dunning_detail d where d.case_id = c.case_id) as contacts,"
            + " (select count(*) from dunning_detail d where d.case_id = c.case_id"
            + "   and d.result <> 'UNREACHABLE') as reached"
            + " from dunning_case c where c.run_date >= ? and c.run_date <= ?",
        rs -> {
          LocalDate day = rs.getObject("run_date", LocalDate.class);
          String agent = rs.getString("first_agent");
          String key = day + "|" + (agent == null ? NOT_CONTACTED : agent);
          int[] c = counts.computeIfAbsent(key, k -> new int[3]);
          c[0]++;
          if (rs.getInt("reached") > 0) {
            c[1]++;
          }
          if ("PAID".equals(rs.getString("outcome")) && rs.getInt("contacts") > 0) {
            c[2]++;
            amounts.merge(key, rs.getBigDecimal("amount"), BigDecimal::add);
          }
        },
        from,
        to);
    List<Line> lines = new ArrayList<>();
    counts.forEach(
        (key, c) -> {
          String[] parts = key.split("\\|", 2);
          lines.add(
              new Line(
                  LocalDate.parse(parts[0]),
                  parts[1],
                  c[0],
                  c[1],
                  c[2],
                  amounts.getOrDefault(key, BigDecimal.ZERO).setScale(2, RoundingMode.HALF_UP),
                  BigDecimal.valueOf(c[2])
                      .divide(BigDecimal.valueOf(c[0]), 4, RoundingMode.HALF_UP)));
        });
    return lines;
  }
}
