package com.aftersales.shifts;

import com.aftersales.base.Access;
import com.aftersales.base.Roles;
import com.aftersales.shop.ShopContact;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The numbers behind the supervisor console ({@code /console/}): open, unassigned, due-soon and
 * overdue work per queue, per agent and per deadline. Counted by grouped queries on the engine's
 * runtime task tables (read only), so the page stays fast with 100,000 open tasks: it never loads
 * the tasks themselves.
 */
@RestController
@RequestMapping("/api/console")
class ConsoleController {

  /** "Due soon" means within this time. */
  static final Duration DUE_SOON = Duration.ofHours(4);

  /** One line of counts. */
  record Counts(String key, String name, long open, long unassigned, long dueSoon, long overdue) {}

  /** A colleague the supervisor can hand work to. */
  record Agent(String id, String name) {}

  /**
   * Everything the console shows at once; {@code shop}: when the shop was last heard from, and a
   * warning when its session expired.
   */
  record Summary(
      Instant at,
      List<Counts> queues,
      List<Counts> agents,
      List<Counts> deadlines,
      List<Agent> team,
      ShopContact.Status shop,
      List<com.aftersales.base.ConsoleNotices.Notice> notices) {}

  private final JdbcTemplate jdbc;
  private final IdentityService identity;
  private final Clock clock;
  private final ShopContact shopContact;
  private final List<com.aftersales.base.ConsoleNotices> noticeSources;

  ConsoleController(
      JdbcTemplate jdbc,
      IdentityService identity,
      Clock clock,
      ShopContact shopContact,
      List<com.aftersales.base.ConsoleNotices> noticeSources) {
    this.noticeSources = noticeSources;
    this.jdbc = jdbc;
    this.identity = identity;
    this.clock = clock;
    this.shopContact = shopContact;
  }

  @GetMapping("/summary")
  Summary summary() {
    supervisor();
    Instant now = clock.instant();
    Timestamp nowTs = Timestamp.from(now);
    Timestamp soon = Timestamp.from(now.plus(DUE_SOON));
    Map<String, String> groupNames =
        Roles.ALL.stream()
            .collect(java.util.stream.Collectors.toMap(Roles.Role::id, Roles.Role::name));
    List<Counts> queues =
        jdbc.query(
            "select l.GROUP_ID_ k, count(*) n,"
                + " sum(case when t.ASSIGNEE_ is null then 1 else 0 end) u,"
                + " sum(case when t.DUE_DATE_ >= ? and t.DUE_DATE_ < ? then 1 else 0 end) s,"
                + " sum(case when t.DUE_DATE_ < ? then 1 else 0 end) o"
                + " from ACT_RU_TASK t join ACT_RU_IDENTITYLINK l on l.TASK_ID_ = t.ID_"
                + " where l.TYPE_ = 'candidate' and l.GROUP_ID_ is not null group by l.GROUP_ID_ order by l.GROUP_ID_",
            (rs, i) ->
                new Counts(
                    rs.getString("k"),
                    groupNames.getOrDefault(rs.getString("k"), rs.getString("k")),
                    rs.getLong("n"),
                    rs.getLong("u"),
                    rs.getLong("s"),
                    rs.getLong("o")),
            nowTs,
            soon,
            nowTs);
    List<Counts> agents =
        jdbc.query(
            "select ASSIGNEE_ k, count(*) n, 0 u,"
                + " sum(case when DUE_DATE_ >= ? and DUE_DATE_ < ? then 1 else 0 end) s,"
                + " sum(case when DUE_DATE_ < ? then 1 else 0 end) o"
                + " from ACT_RU_TASK where ASSIGNEE_ is not null group by ASSIGNEE_ order by ASSIGNEE_",
            (rs, i) ->
                new Counts(
                    rs.getString("k"), null, rs.getLong("n"), 0, rs.getLong("s"), rs.getLong("o")),
            nowTs,
            soon,
            nowTs);
    List<Counts> deadlines =
        jdbc.query(
            "select TASK_DEF_KEY_ k, max(NAME_) m, count(*) n,"
                + " sum(case when ASSIGNEE_ is null then 1 else 0 end) u,"
                + " sum(case when DUE_DATE_ >= ? and DUE_DATE_ < ? then 1 else 0 end) s,"
                + " sum(case when DUE_DATE_ < ? then 1 else 0 end) o"
                + " from ACT_RU_TASK where DUE_DATE_ is not null group by TASK_DEF_KEY_ order by TASK_DEF_KEY_",
            (rs, i) ->
                new Counts(
                    rs.getString("k"),
                    rs.getString("m"),
                    rs.getLong("n"),
                    rs.getLong("u"),
                    rs.getLong("s"),
                    rs.getLong("o")),
            nowTs,
            soon,
            nowTs);
    List<Agent> team =
        identity.createUserQuery().memberOfGroup(Roles.AGENTS).orderByUserId().asc().list().stream()
            .map(ConsoleController::agent)
            .toList();
    List<com.aftersales.base.ConsoleNotices.Notice> notices =
        noticeSources.stream()
            .flatMap(n -> n.notices().stream())
            .sorted(
                java.util.Comparator.comparing(
                        com.aftersales.base.ConsoleNotices.Notice::at,
                        java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()))
                    .reversed())
            .toList();
    return new Summary(
        now, queues, withNames(agents), deadlines, team, shopContact.status(), notices);
  }

  private List<Counts> withNames(List<Counts> agents) {
    return agents.stream()
        .map(
            c -> {
              User u = identity.createUserQuery().userId(c.key()).singleResult();
              return new Counts(
                  c.key(),
                  u == null ? c.key() : agent(u).name(),
                  c.open(),
                  c.unassigned(),
                  c.dueSoon(),
                  c.overdue());
            })
        .toList();
  }

  private static Agent agent(User u) {
    String name = ((u.getFirstName() == null ? "" : u.getFirstName())).trim();
    return new Agent(u.getId(), name.isEmpty() ? u.getId() : name);
  }

  private void supervisor() {
    Access.require(identity, "主管看板只对客服主管开放", Roles.SUPERVISORS);
  }
}
