package com.aftersales.web;

import static com.aftersales.base.Roles.AGENTS;
import static com.aftersales.base.Roles.FINANCE;
import static com.aftersales.base.Roles.PROCESS_OWNERS;
import static com.aftersales.base.Roles.SUPERVISORS;
import static com.aftersales.base.Roles.WAREHOUSE;

import com.aftersales.base.Access;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me/navigation}: the one menu of our pages and of Tasklist (its navbar plugin),
 * holding only the pages the signed-in user's groups may use. The pages check the roles again on
 * every call; hiding a link is for comfort, not protection.
 */
@RestController
class Navigation {

  /** A page of the menu and the groups that may use it. */
  record Item(String key, String label, String href, Set<String> groups) {}

  /** What the menu shows: who is signed in and the pages they may use. */
  record Menu(String userId, String name, List<Link> items) {}

  /** One link of the menu. */
  record Link(String key, String label, String href) {}

  static final List<Item> ITEMS =
      List.of(
          new Item(
              "tasklist",
              "任务",
              "/camunda/app/tasklist/",
              Set.of(AGENTS, SUPERVISORS, WAREHOUSE, FINANCE, PROCESS_OWNERS)),
          new Item("cases", "售后单查询", "/cases", Set.of(AGENTS, SUPERVISORS, WAREHOUSE, FINANCE)),
          new Item("console", "主管看板", "/console/", Set.of(SUPERVISORS)),
          new Item("refunds", "待审核退款", "/refunds", Set.of(FINANCE)),
          new Item("orders", "订单导入与催款", "/orders", Set.of(AGENTS, SUPERVISORS)),
          new Item(
              "registers",
              "登记表",
              "/registers",
              Set.of(AGENTS, SUPERVISORS, WAREHOUSE, FINANCE, PROCESS_OWNERS)),
          new Item("day-report", "我的日报", "/day-report", Set.of(AGENTS)),
          new Item("day-reports", "日报汇总", "/day-reports", Set.of(SUPERVISORS)));

  private final IdentityService identity;

  Navigation(IdentityService identity) {
    this.identity = identity;
  }

  @GetMapping("/api/me/navigation")
  Menu menu() {
    Authentication auth = identity.getCurrentAuthentication();
    List<String> groups = auth.getGroupIds() == null ? List.of() : auth.getGroupIds();
    boolean admin = groups.contains(Access.ADMINS);
    List<Link> links =
        ITEMS.stream()
            .filter(i -> admin || i.groups().stream().anyMatch(groups::contains))
            .map(i -> new Link(i.key(), i.label(), i.href()))
            .toList();
    User user = identity.createUserQuery().userId(auth.getUserId()).singleResult();
    String first = user == null || user.getFirstName() == null ? "" : user.getFirstName().trim();
    return new Menu(auth.getUserId(), first.isEmpty() ? auth.getUserId() : first, links);
  }
}
