package com.aftersales.identity;

import static com.aftersales.base.Roles.*;

import com.aftersales.base.Roles;
import com.aftersales.shop.LocalOrderBook;
import com.aftersales.shop.OrderStatus;
import com.aftersales.shop.ReportedOrder;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Demo users (one per role, password {@value #PASSWORD}) and demo orders for the local back office.
 * Only when {@code aftersales.demo.enabled=true}, the default profile; production has none.
 */
@Component
@ConditionalOnProperty(name = "aftersales.demo.enabled", havingValue = "true")
class DemoData {

  private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);
  static final String PASSWORD = "demo";

  record DemoUser(String id, String lastName, String firstName, String group) {}

  static final List<DemoUser> USERS =
      List.of(
          new DemoUser("agent1", "王", "小美", AGENTS),
          new DemoUser("agent2", "李", "晓峰", AGENTS),
          new DemoUser("supervisor", "张", "主管", SUPERVISORS),
          new DemoUser("warehouse", "赵", "仓库", WAREHOUSE),
          new DemoUser("finance", "钱", "财务", FINANCE),
          new DemoUser("owner", "孙", "运营", PROCESS_OWNERS),
          new DemoUser("backoffice", "后台", "对接", BACK_OFFICE),
          new DemoUser("ops", "周", "运维", OPERATIONS));

  private final IdentityService identity;
  private final JdbcTemplate jdbc;
  private final LocalOrderBook orders;
  private final Clock clock;

  DemoData(IdentityService identity, JdbcTemplate jdbc, LocalOrderBook orders, Clock clock) {
    this.identity = identity;
    this.jdbc = jdbc;
    this.orders = orders;
    this.clock = clock;
  }

  @EventListener(ApplicationReadyEvent.class)
  @Order(20)
  public void create() {
    for (DemoUser u : USERS) {
      if (identity.createUserQuery().userId(u.id()).count() == 0) {
        User user = identity.newUser(u.id());
        // Tasklist shows "first last": the full Chinese name first, then the role
        user.setFirstName(u.lastName() + u.firstName());
        user.setLastName(roleName(u.group()));
        user.setPassword(PASSWORD);
        user.setEmail(u.id() + "@shop.example");
        identity.saveUser(user);
        identity.createMembership(u.id(), u.group());
        LOG.info("Demo user {} ({}) in group {}", u.id(), u.lastName() + u.firstName(), u.group());
      }
    }
    // a face wash cannot go back once opened; everything else follows the seven-day rule
    productPolicy("洗面奶 120g", "OPENED_SENSITIVE", false);
    OffsetDateTime placed = OffsetDateTime.now(clock).minusDays(5).withNano(0);
    order(
        "T1001",
        "tb_lin88",
        "林晓",
        "保湿面霜 50ml",
        1,
        "89.00",
        "0.00",
        "SUCCEEDED",
        placed,
        "SF1234567890",
        "顺丰速运");
    order(
        "T1002",
        "tb_chen_y",
        "陈阳",
        "玻璃保温杯 400ml",
        2,
        "59.00",
        "8.00",
        "SHIPPED",
        placed,
        "YT9876543210",
        "圆通速递");
    order(
        "T1003",
        "tb_zhou77",
        "周婷",
        "香薰蜡烛礼盒（含赠品小样）",
        1,
        "128.00",
        "0.00",
        "SUCCEEDED",
        placed,
        "ZT5550001112",
        "中通快递");
    order("T1004", "tb_wu_fang", "吴芳", "洗面奶 120g", 3, "39.90", "6.00", "PAID", placed, null, null);
    order(
        "T1005",
        "tb_xu_lei",
        "徐磊",
        "陶瓷餐具四件套",
        1,
        "199.00",
        "12.00",
        "SHIPPED",
        placed,
        "YD2223334445",
        "韵达快递");
  }

  private void order(
      String id,
      String buyer,
      String name,
      String title,
      int qty,
      String price,
      String postage,
      String status,
      OffsetDateTime placed,
      String tracking,
      String carrier) {
    var unit = new java.math.BigDecimal(price);
    var post = new java.math.BigDecimal(postage);
    var total = unit.multiply(java.math.BigDecimal.valueOf(qty)).add(post);
    orders.seed(
        new ReportedOrder(
            id,
            buyer,
            name,
            "138****" + id.substring(1),
            "浙江省杭州市西湖区****",
            "示例旗舰店",
            title,
            qty,
            unit.multiply(java.math.BigDecimal.valueOf(qty)),
            post,
            total,
            total,
            OrderStatus.valueOf(status),
            placed,
            placed.plusMinutes(10),
            tracking,
            carrier,
            null,
            null,
            null),
        // delivered two days after it was placed: inside the seven-day window for a few days
        "SUCCEEDED".equals(status) ? placed.plusDays(2) : null);
  }

  private void productPolicy(String itemTitle, String category, boolean acceptsNoReason) {
    Integer exists =
        jdbc.queryForObject(
            "select count(*) from product_policy where item_title = ?", Integer.class, itemTitle);
    if (exists == 0) {
      jdbc.update(
          "insert into product_policy (item_title, category, accepts_no_reason) values (?,?,?)",
          itemTitle,
          category,
          acceptsNoReason);
    }
  }

  private static String roleName(String group) {
    return Roles.ALL.stream().filter(r -> r.id().equals(group)).findFirst().orElseThrow().name();
  }
}
