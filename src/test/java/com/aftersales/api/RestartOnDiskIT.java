package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.AfterSalesApplication;
import com.aftersales.cases.CaseService;
import java.nio.file.Files;
import java.nio.file.Path;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The default run keeps its state in an H2 database on disk: a case opened before a restart is
 * still there after it, and the unchanged models are not deployed again.
 */
class RestartOnDiskIT {

  private static ConfigurableApplicationContext start(Path dir) {
    // command-line arguments: they override application.yaml, as they would for a user
    return new SpringApplicationBuilder(AfterSalesApplication.class)
        .run(
            "--spring.datasource.url=jdbc:h2:file:"
                + dir.resolve("aftersales")
                + ";DB_CLOSE_ON_EXIT=FALSE",
            "--server.port=0",
            "--camunda.bpm.job-execution.enabled=false");
  }

  @Test
  void aCaseSurvivesARestartAndModelsAreNotRedeployed() throws Exception {
    Path dir = Files.createTempDirectory("aftersales-data");
    String caseId;
    long deployments;
    try (ConfigurableApplicationContext first = start(dir)) {
      caseId =
          first
              .getBean(CaseService.class)
              .open("DAMAGE", "T1002", "tb_chen_y", "杯子裂了")
              .record()
              .caseId();
      // a process owner deploys a changed reship flow from the Modeler (with its forms)
      RepositoryService repo = first.getBean(RepositoryService.class);
      repo.createDeployment()
          .name("reship-from-modeler")
          .source("Camunda Modeler")
          .addString(
              "reship.bpmn",
              Files.readString(Path.of("bpmn/reship.bpmn")).replace("（补发）", "（补发，运营改）"))
          .addString(
              "ship-reshipment.form", Files.readString(Path.of("forms/ship-reshipment.form")))
          .addString(
              "follow-reshipment.form", Files.readString(Path.of("forms/follow-reshipment.form")))
          .addString(
              "tell-reship-tracking.form",
              Files.readString(Path.of("forms/tell-reship-tracking.form")))
          .deploy();
      deployments = repo.createDeploymentQuery().count();
    }
    try (ConfigurableApplicationContext second = start(dir)) {
      assertThat(second.getBean(CaseService.class).find(caseId)).isPresent();
      assertThat(
              second
                  .getBean(RuntimeService.class)
                  .createProcessInstanceQuery()
                  .processInstanceBusinessKey(caseId)
                  .count())
          .isEqualTo(1);
      assertThat(second.getBean(RepositoryService.class).createDeploymentQuery().count())
          .isEqualTo(deployments);
      assertThat(
              second
                  .getBean(RepositoryService.class)
                  .createProcessDefinitionQuery()
                  .processDefinitionKey("damage-claim")
                  .count())
          .isEqualTo(1);
      // the restart did not put the release's older reship back on top of the Modeler's
      var live =
          second
              .getBean(RepositoryService.class)
              .createProcessDefinitionQuery()
              .processDefinitionKey("reship")
              .latestVersion()
              .singleResult();
      assertThat(
              second
                  .getBean(RepositoryService.class)
                  .createDeploymentQuery()
                  .deploymentId(live.getDeploymentId())
                  .singleResult()
                  .getName())
          .isEqualTo("reship-from-modeler");
    }
  }
}
