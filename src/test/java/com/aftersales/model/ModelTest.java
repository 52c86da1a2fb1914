package com.aftersales.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.deployment.DeploymentChecks;
import com.aftersales.support.ProcessTestBase;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The models in {@code bpmn/} and forms in {@code forms/} fit together and fit the application:
 * everything deploys, every form and bean a model names exists, every process keeps history for a
 * limited time, and ids mean something.
 */
class ModelTest extends ProcessTestBase {

  private static final Pattern MODELER_DEFAULT_ID =
      Pattern.compile(
          "^(Activity|Event|Gateway|Flow|StartEvent|EndEvent|Task|Process|Decision)_[0-9a-z]{7}$");

  @Autowired ApplicationContext context;

  static List<Path> files(String dir, String ext) throws IOException {
    try (Stream<Path> s = Files.walk(Path.of(dir))) {
      return s.filter(p -> p.toString().endsWith(ext)).sorted().toList();
    }
  }

  Set<String> formIds() throws IOException {
    Set<String> ids = new HashSet<>();
    ObjectMapper json = new ObjectMapper();
    for (Path f : files("forms", ".form")) {
      String id = json.readTree(f.toFile()).path("id").asText();
      assertThat(id).as("form id of %s", f).isNotBlank();
      assertThat(ids.add(id)).as("form id %s used twice", id).isTrue();
    }
    return ids;
  }

  @Test
  void everyModelParsesAndIsDeployed() throws IOException {
    List<Path> bpmn = files("bpmn", ".bpmn");
    assertThat(bpmn).hasSizeGreaterThanOrEqualTo(4);
    for (Path f : bpmn) {
      BpmnModelInstance model = Bpmn.readModelFromFile(f.toFile());
      Bpmn.validateModel(model);
      for (Process p : model.getModelElementsByType(Process.class)) {
        assertThat(
                processEngine
                    .getRepositoryService()
                    .createProcessDefinitionQuery()
                    .processDefinitionKey(p.getId())
                    .count())
            .as("process %s of %s deployed", p.getId(), f)
            .isPositive();
      }
    }
    for (Path f : files("bpmn", ".dmn")) {
      var dmn = Dmn.readModelFromFile(f.toFile());
      Dmn.validateModel(dmn);
      for (var d : dmn.getModelElementsByType(org.camunda.bpm.model.dmn.instance.Decision.class)) {
        assertThat(
                processEngine
                    .getRepositoryService()
                    .createDecisionDefinitionQuery()
                    .decisionDefinitionKey(d.getId())
                    .count())
            .as("decision %s deployed", d.getId())
            .isPositive();
      }
    }
  }

  @Test
  void everyUserTaskHasAFormFromFormsAndACandidateGroup() throws IOException {
    Set<String> forms = formIds();
    Set<String> groups = Set.of("agents", "supervisors", "warehouse", "finance", "process-owners");
    for (Path f : files("bpmn", ".bpmn")) {
      for (UserTask t : Bpmn.readModelFromFile(f.toFile()).getModelElementsByType(UserTask.class)) {
        assertThat(t.getCamundaFormRef()).as("formRef of %s in %s", t.getId(), f).isIn(forms);
        assertThat(t.getCamundaFormRefBinding())
            .as("formRefBinding of %s", t.getId())
            .isEqualTo("deployment");
        assertThat(t.getCamundaCandidateGroups())
            .as("candidate group of %s", t.getId())
            .isIn(groups);
      }
    }
  }

  /**
   * The deployment guard's check, run on every model with the forms of {@code forms/}: every
   * delegate expression names a bean of the application and every deadline a model reads is
   * configured (and the guard's other checks pass). Timers read configuration, not literals.
   */
  @Test
  void everyExpressionNamesAnExistingBeanOrDeadline() throws IOException {
    Set<String> forms = formIds();
    List<String> problems = new ArrayList<>();
    for (Path f : files("bpmn", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(f.toFile());
      for (String problem : DeploymentChecks.problems(context, model, forms)) {
        problems.add(f + ": " + problem);
      }
      for (TimerEventDefinition timer : model.getModelElementsByType(TimerEventDefinition.class)) {
        for (var child :
            timer.getChildElementsByType(org.camunda.bpm.model.bpmn.instance.Expression.class)) {
          String text = child.getTextContent().trim();
          if (!text.startsWith("${")) {
            problems.add(f + ": timer " + text + " is a literal, not configuration");
          }
        }
      }
    }
    assertThat(problems).as("what the deployment guard would refuse").isEmpty();
  }

  @Test
  void everyProcessKeepsHistoryForALimitedTimeAndIdsMeanSomething() throws IOException {
    for (Path f : files("bpmn", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(f.toFile());
      for (Process p : model.getModelElementsByType(Process.class)) {
        assertThat(p.getCamundaHistoryTimeToLiveString())
            .as("history TTL of %s", p.getId())
            .isNotBlank();
      }
      for (ModelElementInstance e : model.getModelElementsByType(BaseElement.class)) {
        if (e instanceof SequenceFlow) {
          continue;
        }
        String id = ((BaseElement) e).getId();
        assertThat(id).as("id in %s", f).doesNotMatch(MODELER_DEFAULT_ID);
      }
    }
  }

  /**
   * No form lies unused, except one the last release's models name: their cases may still wait at
   * it (a damage claim's own warehouse receipt, before its returns went through the return flow).
   */
  @Test
  void everyFormIsUsedByAModel() throws IOException {
    Set<String> used = new HashSet<>();
    List<Path> models = new ArrayList<>(files("bpmn", ".bpmn"));
    models.addAll(files("src/test/resources/upgrade/released/bpmn", ".bpmn"));
    for (Path f : models) {
      String xml = Files.readString(f);
      Matcher m = Pattern.compile("formRef=\"([^\"]+)\"").matcher(xml);
      while (m.find()) {
        used.add(m.group(1));
      }
    }
    assertThat(used).containsAll(formIds());
    assertThat(new File("forms")).isDirectory();
  }

  /**
   * A case calls the refund with the variables the refund reads, not with all of its own (they
   * would be copied into every refund and written to the history again). What finance sees on the
   * approval form must reach the refund from every caller.
   */
  @Test
  void everyRefundCallPassesWhatFinanceSeesAndNotTheWholeCase() throws IOException {
    Set<String> shown = new HashSet<>();
    collectReadOnlyKeys(
        new ObjectMapper().readTree(new File("forms/approve-refund.form")).path("components"),
        shown);
    // set by the refund itself
    shown.removeAll(Set.of("tradeStateLabel", "sellerAnswerDueText"));
    int calls = 0;
    for (Path f : files("bpmn", ".bpmn")) {
      BpmnModelInstance model = Bpmn.readModelFromFile(f.toFile());
      for (var call :
          model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.CallActivity.class)) {
        if (!"refund".equals(call.getCalledElement())) {
          continue;
        }
        calls++;
        Set<String> passed = new HashSet<>();
        for (var in :
            call.getExtensionElements()
                .getElementsQuery()
                .filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn.class)
                .list()) {
          assertThat(in.getCamundaVariables())
              .as("%s in %s passes all variables", call.getId(), f)
              .isNull();
          // a variable of the case, or a fixed value (the kind and reason of a cash-back)
          if (in.getCamundaSource() != null || in.getCamundaSourceExpression() != null) {
            passed.add(in.getCamundaTarget());
          }
        }
        assertThat(passed).as("%s in %s", call.getId(), f).containsAll(shown);
      }
    }
    assertThat(calls).isGreaterThanOrEqualTo(8);
  }

  private static void collectReadOnlyKeys(
      com.fasterxml.jackson.databind.JsonNode components, Set<String> keys) {
    for (var c : components) {
      collectReadOnlyKeys(c.path("components"), keys);
      if (c.path("readonly").asBoolean() && c.hasNonNull("key")) {
        keys.add(c.path("key").asText());
      }
    }
  }
}
