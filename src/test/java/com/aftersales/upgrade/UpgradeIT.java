package com.aftersales.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.AfterSalesApplication;
import com.aftersales.cases.CaseService;
import com.aftersales.dunning.DunningService;
import com.aftersales.followup.FollowUpService;
import com.aftersales.support.FormWalker;
import com.aftersales.support.FormWalker.Wait;
import com.aftersales.support.TestOrders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A shop upgrades while cases wait. The last release's models and forms ({@code
 * src/test/resources/upgrade/released/}, see {@code docs/releasing.md}) run first: cases of every
 * process are started and stopped at every kind of wait state (user task, timer, message, call
 * activity). The application is stopped, started again with the current {@code bpmn/} and {@code
 * forms/} on the same database, and every waiting case is driven to its end through the forms of
 * its own (old) version: no step fails, no case is lost, none is moved to the new version.
 */
class UpgradeIT {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final String RELEASED = "classpath*:upgrade/released/";

  /** How far into its flow each case of a plan is walked before the upgrade. */
  private static final int[] PARK_AFTER = {0, 1, 2, 3, 4, 6};

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static ConfigurableApplicationContext start(Path dir, boolean released) {
    List<String> args = new ArrayList<>();
    args.add("--spring.datasource.url=jdbc:h2:file:" + dir.resolve("aftersales"));
    args.add("--server.port=0");
    args.add("--camunda.bpm.job-execution.enabled=false");
    args.add("--aftersales.shifts.release-scheduler=false");
    args.add("--aftersales.dunning.daily-run-enabled=false");
    args.add("--aftersales.follow-up.daily-run-enabled=false");
    if (released) {
      args.add(
          "--camunda.bpm.deployment-resource-pattern="
              + RELEASED
              + "bpmn/*.bpmn,"
              + RELEASED
              + "bpmn/*.dmn,"
              + RELEASED
              + "forms/*.form");
    }
    return new SpringApplicationBuilder(AfterSalesApplication.class)
        .run(args.toArray(String[]::new));
  }

  /** A case parked before the upgrade: where it stood and on which version. */
  record Parked(
      String plan, String rootId, String definitionId, Set<Wait> waits, Set<String> processes) {}

  @Test
  void everyCaseWaitingOnTheLastReleaseIsFinishedByTheCurrentOne() throws Exception {
    Path dir = Files.createTempDirectory("aftersales-upgrade");
    List<Parked> parked = new ArrayList<>();
    Map<String, String> releasedDefinitions = new TreeMap<>();

    try (ConfigurableApplicationContext old = start(dir, true)) {
      ProcessEngine engine = old.getBean(ProcessEngine.class);
      for (ProcessDefinition d :
          engine.getRepositoryService().createProcessDefinitionQuery().latestVersion().list()) {
        releasedDefinitions.put(d.getKey(), d.getId());
      }
      Starts starts = new Starts(old);
      for (Plan plan : starts.plans()) {
        for (int steps : PARK_AFTER) {
          String root = plan.start().get();
          FormWalker walker =
              new FormWalker(engine, steps * 31L + plan.name().hashCode(), plan.answers());
          walker.walk(root, steps);
          if (walker.ended(root)) {
            continue;
          }
          String definitionId =
              engine
                  .getRuntimeService()
                  .createProcessInstanceQuery()
                  .processInstanceId(root)
                  .singleResult()
                  .getProcessDefinitionId();
          parked.add(
              new Parked(
                  plan.name(), root, definitionId, walker.waits(root), walker.processKeys(root)));
        }
      }
    }

    assertThat(releasedDefinitions).hasSize(10);
    assertThat(parked.stream().flatMap(p -> p.processes().stream()).distinct())
        .as("every process of the release has a case waiting in it")
        .containsExactlyInAnyOrderElementsOf(releasedDefinitions.keySet());
    Set<Wait> kinds = EnumSet.noneOf(Wait.class);
    parked.forEach(p -> kinds.addAll(p.waits()));
    assertThat(kinds).as("every kind of wait state").containsAll(EnumSet.allOf(Wait.class));

    ClockUtil.reset();
    try (ConfigurableApplicationContext current = start(dir, false)) {
      ProcessEngine engine = current.getBean(ProcessEngine.class);
      for (String key : releasedDefinitions.keySet()) {
        ProcessDefinition live =
            engine
                .getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey(key)
                .latestVersion()
                .singleResult();
        assertThat(live.getId())
            .as("the current release deployed its own version of " + key)
            .isNotEqualTo(releasedDefinitions.get(key));
      }
      Map<String, List<String>> failures = new LinkedHashMap<>();
      Set<String> finished = new TreeSet<>();
      for (Parked p : parked) {
        ProcessInstance still =
            engine
                .getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(p.rootId())
                .singleResult();
        assertThat(still).as("case %s survived the upgrade", p.rootId()).isNotNull();
        assertThat(still.getProcessDefinitionId())
            .as("case %s stays on its own version", p.rootId())
            .isEqualTo(p.definitionId());
        FormWalker walker = new FormWalker(engine, p.rootId().hashCode(), Map.of());
        try {
          walker.walkToEnd(p.rootId(), 80);
          finished.add(p.plan());
        } catch (AssertionError e) {
          failures
              .computeIfAbsent(
                  p.plan() + " " + p.waits() + " " + p.rootId(), k -> new ArrayList<>())
              .add(e.getMessage());
        }
      }
      assertThat(failures).as("cases the upgrade stranded").isEmpty();
      assertThat(engine.getRuntimeService().createIncidentQuery().count()).isZero();
      assertThat(finished).hasSameSizeAs(new TreeSet<>(parked.stream().map(Parked::plan).toList()));
    }
  }

  /** How a case of one kind begins, and what its buyer answers whatever the form offers. */
  record Plan(
      String name, java.util.function.Supplier<String> start, Map<String, Object> answers) {}

  /** The ways cases begin in the application, used on the old models. */
  static final class Starts {
    private final ProcessEngine engine;
    private final CaseService cases;
    private final TestOrders orders;
    private final JdbcTemplate jdbc;
    private final DunningService dunning;
    private final FollowUpService followUps;
    private int spotDays;

    Starts(ConfigurableApplicationContext ctx) {
      engine = ctx.getBean(ProcessEngine.class);
      cases = ctx.getBean(CaseService.class);
      jdbc = ctx.getBean(JdbcTemplate.class);
      orders = new TestOrders(jdbc);
      dunning = ctx.getBean(DunningService.class);
      followUps = ctx.getBean(FollowUpService.class);
    }

    List<Plan> plans() {
      return List.of(
          new Plan("damage", () -> open("DAMAGE", "SUCCEEDED", Map.of()), Map.of()),
          new Plan(
              "damage-reship",
              () -> open("DAMAGE", "SUCCEEDED", Map.of()),
              FormWalker.answers("buyerChoice", "RESHIP", "damageType", "UNUSABLE")),
          new Plan("wrong-item", () -> open("WRONG_ITEM", "SUCCEEDED", Map.of()), Map.of()),
          new Plan("return", () -> open("RETURN", "SUCCEEDED", Map.of()), Map.of()),
          new Plan("exchange", () -> open("EXCHANGE", "SUCCEEDED", Map.of()), Map.of()),
          new Plan(
              "refund-paid", () -> open("REFUND", "PAID", Map.of("refundAmount", 80.0)), Map.of()),
          new Plan(
              "refund-shipped",
              () -> open("REFUND", "SHIPPED", Map.of("refundAmount", 80.0)),
              Map.of()),
          new Plan(
              "refund-succeeded",
              () -> open("REFUND", "SUCCEEDED", Map.of("refundAmount", 20.0)),
              Map.of()),
          new Plan("complaint", () -> open("COMPLAINT", "SUCCEEDED", Map.of()), Map.of()),
          new Plan("dunning", this::dunningCase, Map.of()),
          new Plan("follow-up", this::followUpCall, Map.of()),
          new Plan("spot-check", this::spotCheck, Map.of()));
    }

    private String open(String kind, String status, Map<String, Object> fields) {
      String orderId = orders.create("tb_upgrade", "40.00", 2);
      orders.status(orderId, status);
      String caseId = cases.open(kind, orderId, "tb_upgrade", "升级前开的售后单", fields).record().caseId();
      return rootOf(caseId);
    }

    private String rootOf(String businessKey) {
      return engine
          .getRuntimeService()
          .createProcessInstanceQuery()
          .processInstanceBusinessKey(businessKey)
          .rootProcessInstances()
          .singleResult()
          .getId();
    }

    private String dunningCase() {
      LocalDate yesterday = dunning.yesterday();
      String orderId =
          orders.unpaid(
              "tb_upgrade_dun", yesterday.atTime(10, 0).atZone(SHANGHAI).toOffsetDateTime());
      dunning.run(yesterday);
      return rootOf("DUNNING-" + orderId);
    }

    private String followUpCall() {
      LocalDate day = followUps.today();
      String orderId =
          orders.signed(
              "tb_upgrade_fu",
              "浙江省 杭州市",
              day.minusDays(3).atTime(15, 0).atZone(SHANGHAI).toOffsetDateTime());
      followUps.select(day);
      return rootOf("FOLLOWUP-RECEIVED-" + orderId);
    }

    /**
     * A call made and finished on the old release, then sampled for a supervisor's check. Each spot
     * check gets a day of its own ahead of the others, so the day's sample is this call.
     */
    private String spotCheck() {
      ClockUtil.setCurrentTime(
          Date.from(
              LocalDate.now(SHANGHAI)
                  .plusDays(100L + 3L * spotDays++)
                  .atTime(10, 0)
                  .atZone(SHANGHAI)
                  .toInstant()));
      String call = followUpCall();
      new FormWalker(engine, 7, FormWalker.answers("reachedAnswer", "YES", "routeTo", "NONE"))
          .walkToEnd(call, 20);
      String callCase =
          engine
              .getHistoryService()
              .createHistoricProcessInstanceQuery()
              .processInstanceId(call)
              .singleResult()
              .getBusinessKey();
      LocalDate day =
          jdbc.queryForObject(
              "select completed_on from follow_up_call where case_id = ?",
              LocalDate.class,
              callCase);
      List<String> sampled = followUps.sample(day).callCaseIds();
      assertThat(sampled).as("the day's sample").containsExactly(callCase);
      return rootOf("SPOT-" + callCase);
    }
  }

  static OffsetDateTime now() {
    return OffsetDateTime.now(SHANGHAI);
  }
}
