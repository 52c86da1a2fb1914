package com.aftersales.shop.taobao;

import com.aftersales.shop.BuyerMessageLog;
import com.aftersales.shop.ShopBackOffice;
import com.aftersales.support.SimulatedTop;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * The taobao adapter as the application wires it ({@code aftersales.shop.adapter=taobao}) against
 * the simulated gateway, with its tables (migrations V1, V9, V11 and V17) in a fresh in-memory
 * database per test, in transactions. The application's clock reads {@link #NOW}; requests are
 * stamped with the real time.
 */
abstract class TaobaoTestBase {

  /** 2024-05-03 09:12 in the platform's zone. */
  static final Instant NOW = Instant.parse("2024-05-03T01:12:00Z");

  static SimulatedTop top;

  AnnotationConfigApplicationContext context;
  ShopBackOffice shop;
  JdbcTemplate jdbc;

  @BeforeAll
  static void startGateway() {
    top = new SimulatedTop();
  }

  @AfterAll
  static void stopGateway() {
    top.close();
  }

  @BeforeEach
  void startAdapter() {
    top.reset();
    DriverManagerDataSource data =
        new DriverManagerDataSource(
            "jdbc:h2:mem:taobao-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    new ResourceDatabasePopulator(
            new ClassPathResource("db/migration/V1__foundation.sql"),
            new ClassPathResource("db/migration/V9__buyer_messages.sql"),
            new ClassPathResource("db/migration/V11__taobao_adapter.sql"),
            new ClassPathResource("db/migration/V17__order_flags_and_roster_weeks.sql"))
        .execute(data);
    jdbc = new JdbcTemplate(data);
    context = new AnnotationConfigApplicationContext();
    Map<String, Object> properties = new HashMap<>();
    properties.put("aftersales.shop.adapter", "taobao");
    properties.put("aftersales.shop.taobao.gateway-url", top.gatewayUrl());
    properties.put("aftersales.shop.taobao.app-key", SimulatedTop.APP_KEY);
    properties.put("aftersales.shop.taobao.app-secret", SimulatedTop.APP_SECRET);
    properties.put("aftersales.shop.taobao.session-key", SimulatedTop.SESSION);
    properties.put("aftersales.shop.taobao.sign-method", signMethod());
    properties.put("aftersales.shop.taobao.read-timeout", "PT5S");
    properties.put("aftersales.shop.taobao.return-address-id", SimulatedTop.RETURN_ADDRESS_ID);
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("test", properties));
    context.registerBean(DataSource.class, () -> data);
    context.registerBean(JdbcTemplate.class, () -> jdbc);
    context.registerBean(Clock.class, () -> Clock.fixed(NOW, ZoneOffset.UTC));
    context.registerBean(
        PlatformTransactionManager.class, () -> new DataSourceTransactionManager(data));
    context.register(Transactions.class, TaobaoConfiguration.class, BuyerMessageLog.class);
    context.refresh();
    shop = context.getBean(ShopBackOffice.class);
  }

  /** The sign method the adapter is configured with. */
  String signMethod() {
    return "md5";
  }

  @AfterEach
  void stopAdapter() {
    context.close();
  }

  /** The adapter's writes run in transactions, as in the application. */
  @EnableTransactionManagement
  static class Transactions {}

  /** The one accepted call of {@code method}. */
  static SimulatedTop.Call onlyCall(String method) {
    var calls = top.calls(method);
    if (calls.size() != 1) {
      throw new AssertionError("expected one call of " + method + ", got " + calls);
    }
    return calls.get(0);
  }
}
