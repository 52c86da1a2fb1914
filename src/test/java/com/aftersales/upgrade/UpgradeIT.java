package com.aftersales.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.AfterSalesApplication;
import com.aftersales.cases.photos.CasePhotos;
import com.aftersales.support.CaseStarts;
import com.aftersales.support.FormWalker;
import com.aftersales.support.FormWalker.Wait;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
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
      CaseStarts starts = new CaseStarts(old);
      for (CaseStarts.Plan plan : starts.plans()) {
        for (int steps : PARK_AFTER) {
          String root = plan.start().get();
          FormWalker walker =
              new FormWalker(
                  engine,
                  old.getBean(CasePhotos.class),
                  steps * 31L + plan.name().hashCode(),
                  plan.answers());
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
        FormWalker walker =
            new FormWalker(
                engine, current.getBean(CasePhotos.class), p.rootId().hashCode(), Map.of());
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
}
