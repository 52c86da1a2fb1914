package com.aftersales.deployment;

import com.aftersales.base.Access;
import com.aftersales.base.Roles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/processes}: which version of every process is live, when and by whom it was
 * deployed, whether it came with the application release ({@code bpmn/}) or from the Modeler, and
 * whether the live model differs from the release's file (drift).
 */
@RestController
@RequestMapping("/api/processes")
class ProcessCatalog {

  /** Where a live version came from. */
  enum Origin {
    RELEASE,
    MODELER,
    OTHER
  }

  /** Whether the live model is the release's file. */
  enum Drift {
    SAME,
    DIFFERS,
    NOT_IN_RELEASE
  }

  /** One process as the catalogue shows it. */
  record Entry(
      String key,
      String name,
      int version,
      String definitionId,
      Date deployedAt,
      String deployedBy,
      String deploymentName,
      Origin origin,
      Drift drift,
      long runningCases,
      Integer replacedModelerVersion) {}

  static final String RELEASE_DEPLOYMENT = "SpringAutoDeployment";

  private final RepositoryService repository;
  private final RuntimeService runtime;
  private final HistoryService history;
  private final IdentityService identity;
  private final Map<String, byte[]> release = new HashMap<>();

  ProcessCatalog(
      RepositoryService repository,
      RuntimeService runtime,
      HistoryService history,
      IdentityService identity)
      throws IOException {
    this.repository = repository;
    this.runtime = runtime;
    this.history = history;
    this.identity = identity;
    for (Resource r :
        new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/**/*.bpmn")) {
      byte[] bytes = r.getContentAsByteArray();
      for (Process p :
          Bpmn.readModelFromStream(new java.io.ByteArrayInputStream(bytes))
              .getModelElementsByType(Process.class)) {
        release.put(p.getId(), bytes);
      }
    }
  }

  @GetMapping
  List<Entry> processes() {
    Access.require(identity, "只有流程负责人（运营）可以查看流程版本", Roles.PROCESS_OWNERS);
    return repository
        .createProcessDefinitionQuery()
        .latestVersion()
        .orderByProcessDefinitionKey()
        .asc()
        .list()
        .stream()
        .map(this::entry)
        .toList();
  }

  private Entry entry(ProcessDefinition d) {
    Deployment deployment =
        repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult();
    String name = deployment == null ? null : deployment.getName();
    Origin origin =
        RELEASE_DEPLOYMENT.equals(name)
            ? Origin.RELEASE
            : deployment != null && "Camunda Modeler".equals(deployment.getSource())
                ? Origin.MODELER
                : Origin.OTHER;
    UserOperationLogEntry created =
        history
            .createUserOperationLogQuery()
            .deploymentId(d.getDeploymentId())
            .operationType(UserOperationLogEntry.OPERATION_TYPE_CREATE)
            .list()
            .stream()
            .findFirst()
            .orElse(null);
    return new Entry(
        d.getKey(),
        d.getName(),
        d.getVersion(),
        d.getId(),
        deployment == null ? null : deployment.getDeploymentTime(),
        created == null ? (origin == Origin.RELEASE ? "（应用发布）" : null) : created.getUserId(),
        name,
        origin,
        drift(d),
        runtime.createProcessInstanceQuery().processDefinitionKey(d.getKey()).count(),
        origin == Origin.RELEASE ? replacedModelerVersion(d) : null);
  }

  /**
   * When a release put its model on top of a version deployed from the Modeler, that version's
   * number; null otherwise. The Modeler change may be lost unless it was brought back into bpmn/.
   */
  Integer replacedModelerVersion(ProcessDefinition live) {
    if (live.getVersion() < 2) {
      return null;
    }
    ProcessDefinition previous =
        repository
            .createProcessDefinitionQuery()
            .processDefinitionKey(live.getKey())
            .processDefinitionVersion(live.getVersion() - 1)
            .singleResult();
    if (previous == null) {
      return null;
    }
    Deployment d =
        repository.createDeploymentQuery().deploymentId(previous.getDeploymentId()).singleResult();
    return d != null && "Camunda Modeler".equals(d.getSource()) ? previous.getVersion() : null;
  }

  /** Says so in the log at start, so a release never replaces a Modeler change silently. */
  @org.springframework.context.event.EventListener(
      org.springframework.boot.context.event.ApplicationReadyEvent.class)
  public void warnAboutReplacedModelerVersions() {
    for (ProcessDefinition d : repository.createProcessDefinitionQuery().latestVersion().list()) {
      Deployment deployment =
          repository.createDeploymentQuery().deploymentId(d.getDeploymentId()).singleResult();
      Integer replaced =
          deployment != null && RELEASE_DEPLOYMENT.equals(deployment.getName())
              ? replacedModelerVersion(d)
              : null;
      if (replaced != null) {
        LOG.warn(
            "The release's {} (version {}) replaced version {} deployed from the Modeler;"
                + " bring that change into bpmn/ or deploy it again",
            d.getKey(),
            d.getVersion(),
            replaced);
      }
    }
  }

  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(ProcessCatalog.class);

  private Drift drift(ProcessDefinition d) {
    byte[] file = release.get(d.getKey());
    if (file == null) {
      return Drift.NOT_IN_RELEASE;
    }
    try (InputStream live = repository.getProcessModel(d.getId())) {
      return Arrays.equals(live.readAllBytes(), file) ? Drift.SAME : Drift.DIFFERS;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
