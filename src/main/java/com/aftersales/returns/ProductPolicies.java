package com.aftersales.returns;

import com.aftersales.returns.SevenDayRule.Category;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Per-product return settings ({@code product_policy}); unlisted products are ordinary goods. */
@Component
class ProductPolicies {

  /** A product's category for the seven-day rule, and whether it accepts opened returns. */
  record Policy(Category category, boolean acceptsNoReason) {}

  private final JdbcTemplate jdbc;

  ProductPolicies(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Policy of(String itemTitle) {
    return jdbc
        .query(
            "select category, accepts_no_reason from product_policy where item_title = ?",
            (rs, i) -> new Policy(Category.valueOf(rs.getString(1)), rs.getBoolean(2)),
            itemTitle)
        .stream()
        .findFirst()
        .orElse(new Policy(Category.ORDINARY, true));
  }
}
