package com.aftersales.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.repository.DeploymentBuilderImpl;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One-click deploys from the Modeler: a diagram whose user tasks (or start event) bind forms with
 * {@code formRefBinding="deployment"} but arrives without some of them gets the live versions of
 * those forms — the ones in the deployment the process's latest version runs on now — added to the
 * new deployment ({@code DeploymentBuilder.addDeploymentResourcesByName}), so the forms keep
 * travelling with their model. A form the deployment brings itself is never replaced; a form found
 * nowhere is left for {@link DeploymentGuard} to refuse.
 *
 * <p>The Modeler asks for {@code deploy-changed-only}: the engine would then store only the files
 * that differ from the last deployment of the same name, and drop the unchanged forms a diagram
 * needs. A deployment holding a diagram or a form is therefore filtered as a whole instead: nothing
 * is stored when nothing changed, everything when something did.
 */
@Component
class LiveFormsAttached extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(LiveFormsAttached.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setRepositoryService(new Repository());
  }

  /** The engine's repository service; every deployment (REST, Java, release) passes here. */
  static final class Repository extends RepositoryServiceImpl {

    @Override
    public DeploymentWithDefinitions deployWithResult(DeploymentBuilderImpl builder) {
      Map<String, ResourceEntity> resources = builder.getDeployment().getResources();
      boolean fromOtherDeployments =
          !builder.getDeployments().isEmpty()
              || !builder.getDeploymentResourcesById().isEmpty()
              || !builder.getDeploymentResourcesByName().isEmpty();
      if (resources != null && !fromOtherDeployments) {
        boolean modelsOrForms =
            resources.keySet().stream().anyMatch(n -> isBpmn(n) || n.endsWith(".form"));
        if (modelsOrForms && builder.isDeployChangedOnly()) {
          builder.enableDuplicateFiltering(false);
        }
        attachLiveForms(builder, resources);
      }
      return super.deployWithResult(builder);
    }

    private void attachLiveForms(
        DeploymentBuilderImpl builder, Map<String, ResourceEntity> resources) {
      Set<String> formsHere = new HashSet<>();
      Map<String, Set<String>> missingByProcess = new LinkedHashMap<>();
      for (ResourceEntity r : resources.values()) {
        if (r.getName().endsWith(".form")) {
          String id = formId(r.getBytes());
          if (id != null) {
            formsHere.add(id);
          }
        }
      }
      for (ResourceEntity r : resources.values()) {
        if (isBpmn(r.getName())) {
          BpmnModelInstance model = model(r.getBytes());
          if (model != null) {
            formsBound(model, formsHere, missingByProcess);
          }
        }
      }
      Set<String> names = new HashSet<>(resources.keySet());
      String tenant = builder.getDeployment().getTenantId();
      missingByProcess.forEach(
          (processKey, missing) -> {
            ProcessDefinition live = liveVersion(processKey, tenant);
            if (live == null) {
              return;
            }
            List<String> attach = formsOf(live.getDeploymentId(), missing, names);
            if (!attach.isEmpty()) {
              builder.addDeploymentResourcesByName(live.getDeploymentId(), attach);
              LOG.info(
                  "Deployment '{}': the diagram of {} came without forms; attached {} from the"
                      + " deployment of its live version {}",
                  builder.getDeployment().getName(),
                  processKey,
                  attach,
                  live.getVersion());
            }
          });
    }

    /** Forms bound by deployment that this deployment lacks, per process key. */
    private static void formsBound(
        BpmnModelInstance model, Set<String> formsHere, Map<String, Set<String>> missing) {
      for (UserTask t : model.getModelElementsByType(UserTask.class)) {
        bound(t, t.getCamundaFormRef(), t.getCamundaFormRefBinding(), formsHere, missing);
      }
      for (StartEvent s : model.getModelElementsByType(StartEvent.class)) {
        bound(s, s.getCamundaFormRef(), s.getCamundaFormRefBinding(), formsHere, missing);
      }
    }

    private static void bound(
        ModelElementInstance element,
        String ref,
        String binding,
        Set<String> formsHere,
        Map<String, Set<String>> missing) {
      if (ref == null
          || ref.startsWith("$")
          || ref.startsWith("#")
          || formsHere.contains(ref)
          || !(binding == null || "deployment".equals(binding))) {
        return;
      }
      ModelElementInstance e = element;
      while (e != null && !(e instanceof Process)) {
        e = e.getParentElement();
      }
      if (e instanceof Process p) {
        missing.computeIfAbsent(p.getId(), k -> new HashSet<>()).add(ref);
      }
    }

    private ProcessDefinition liveVersion(String processKey, String tenant) {
      ProcessDefinitionQuery query =
          createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion();
      query = tenant == null ? query.withoutTenantId() : query.tenantIdIn(tenant);
      return query.singleResult();
    }

    /** The names of the resources of {@code deploymentId} that hold the forms {@code wanted}. */
    private List<String> formsOf(String deploymentId, Set<String> wanted, Set<String> names) {
      List<String> found = new java.util.ArrayList<>();
      for (Resource r : getDeploymentResources(deploymentId)) {
        if (!r.getName().endsWith(".form") || names.contains(r.getName())) {
          continue;
        }
        try (InputStream in = getResourceAsStreamById(deploymentId, r.getId())) {
          String id = formId(in.readAllBytes());
          if (id != null && wanted.remove(id)) {
            found.add(r.getName());
            names.add(r.getName());
          }
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }
      return found;
    }

    private static boolean isBpmn(String name) {
      return name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
    }

    /** The form's id (its formRef key), or null when it is not a readable form. */
    private static String formId(byte[] bytes) {
      try {
        String id = JSON.readTree(bytes).path("id").asText(null);
        return id == null || id.isBlank() ? null : id;
      } catch (IOException e) {
        return null;
      }
    }

    /** The diagram, or null when it does not parse (the guard then says why). */
    private static BpmnModelInstance model(byte[] bytes) {
      try {
        return Bpmn.readModelFromStream(new ByteArrayInputStream(bytes));
      } catch (RuntimeException e) {
        return null;
      }
    }
  }
}
