package com.aftersales.refund;

import com.aftersales.support.Postgres;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link RefundShopEventsTest} on a real PostgreSQL server: the refund links' claims, the
 * concurrent opening by two nodes and the late-change rules on the production database.
 */
class RefundShopEventsPostgresIT extends RefundShopEventsTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    Postgres.register(registry, "aftersales_shop_events");
  }
}
