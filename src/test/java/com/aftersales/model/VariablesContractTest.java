package com.aftersales.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.aftersales.base.ProcessVariables;
import com.aftersales.support.ProcessTestBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Variable names are a contract between models, forms and code (and with every running case). Each
 * process declares its variables once, typed, in its variables class ({@code PROCESS}); this test
 * holds every form field, every expression and every call-activity mapping of every model to that
 * declaration, and holds the Java code to using the declarations instead of bare strings.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VariablesContractTest extends ProcessTestBase {

  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{([^}]*)}");
  private static final Pattern IDENTIFIER =
      Pattern.compile("(?<![.\\w'\"])([A-Za-z_]\\w*)(?![\\w'\"])(?!\\s*\\()");
  private static final Set<String> EL_WORDS =
      Set.of(
          "true",
          "false",
          "null",
          "empty",
          "not",
          "and",
          "or",
          "eq",
          "ne",
          "lt",
          "gt",
          "le",
          "ge",
          "div",
          "mod",
          "instanceof",
          "execution",
          "task",
          "authenticatedUserId");

  @Autowired ApplicationContext context;

  private final Map<String, ProcessVariables> declared = new TreeMap<>();
  private final Map<String, JsonNode> forms = new HashMap<>();

  @BeforeAll
  void collect() throws Exception {
    for (JavaClass c :
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.aftersales")) {
      for (JavaField f : c.getFields()) {
        if (f.getName().equals("PROCESS")
            && f.getRawType().isEquivalentTo(ProcessVariables.class)) {
          Field field = c.reflect().getDeclaredField("PROCESS");
          field.setAccessible(true);
          ProcessVariables pv = (ProcessVariables) field.get(null);
          assertThat(declared.put(pv.processKey(), pv))
              .as("process %s is declared twice (again in %s)", pv.processKey(), c.getName())
              .isNull();
        }
      }
    }
    ObjectMapper json = new ObjectMapper();
    for (Path f : ModelTest.files("forms", ".form")) {
      JsonNode form = json.readTree(f.toFile());
      forms.put(form.path("id").asText(), form);
    }
  }

  private static BpmnModelInstance model(Path file) {
    return Bpmn.readModelFromFile(file.toFile());
  }

  @Test
  void everyProcessHasOneVariablesClass() throws IOException {
    Set<String> keys = new TreeSet<>();
    for (Path f : ModelTest.files("bpmn", ".bpmn")) {
      model(f).getModelElementsByType(Process.class).forEach(p -> keys.add(p.getId()));
    }
    assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(keys);
  }

  @Test
  void everyFormFieldNamesADeclaredVariableOfItsProcess() throws IOException {
    List<String> undeclared = new ArrayList<>();
    for (Path f : ModelTest.files("bpmn", ".bpmn")) {
      BpmnModelInstance m = model(f);
      for (Process p : m.getModelElementsByType(Process.class)) {
        Set<String> names = names(p.getId());
        List<String> formRefs = new ArrayList<>();
        m.getModelElementsByType(UserTask.class).forEach(t -> formRefs.add(t.getCamundaFormRef()));
        m.getModelElementsByType(StartEvent.class)
            .forEach(s -> formRefs.add(s.getCamundaFormRef()));
        for (String ref : formRefs) {
          if (ref == null) {
            continue;
          }
          for (String key : fieldKeys(forms.get(ref))) {
            if (!names.contains(key)) {
              undeclared.add(p.getId() + ": form " + ref + " field " + key);
            }
          }
        }
      }
    }
    assertThat(undeclared).isEmpty();
  }

  @Test
  void everyExpressionAndMappingNamesADeclaredVariableOrABean() throws IOException {
    List<String> undeclared = new ArrayList<>();
    for (Path f : ModelTest.files("bpmn", ".bpmn")) {
      BpmnModelInstance m = model(f);
      String xml =
          Files.readString(f)
              .replace("&amp;", "&")
              .replace("&lt;", "<")
              .replace("&gt;", ">")
              .replace("&quot;", "\"")
              .replace("&apos;", "'");
      for (Process p : m.getModelElementsByType(Process.class)) {
        Set<String> names = names(p.getId());
        // a file holds one process: every expression in it belongs to that process
        Matcher e = EXPRESSION.matcher(xml);
        while (e.find()) {
          Matcher id = IDENTIFIER.matcher(e.group(1));
          while (id.find()) {
            String name = id.group(1);
            if (!EL_WORDS.contains(name) && !context.containsBean(name) && !names.contains(name)) {
              undeclared.add(p.getId() + ": ${" + e.group(1) + "} names " + name);
            }
          }
        }
        for (BusinessRuleTask rule : m.getModelElementsByType(BusinessRuleTask.class)) {
          String result = rule.getCamundaResultVariable();
          if (result != null && !names.contains(result)) {
            undeclared.add(p.getId() + ": " + rule.getId() + " writes " + result);
          }
        }
        for (CallActivity call : m.getModelElementsByType(CallActivity.class)) {
          Set<String> callee = names(call.getCalledElement());
          for (CamundaIn in :
              call
                  .getChildElementsByType(
                      org.camunda.bpm.model.bpmn.instance.ExtensionElements.class)
                  .stream()
                  .flatMap(x -> x.getChildElementsByType(CamundaIn.class).stream())
                  .toList()) {
            check(undeclared, p.getId(), call, "in source", in.getCamundaSource(), names);
            check(
                undeclared,
                call.getCalledElement(),
                call,
                "in target",
                in.getCamundaTarget(),
                callee);
          }
          for (CamundaOut out :
              call
                  .getChildElementsByType(
                      org.camunda.bpm.model.bpmn.instance.ExtensionElements.class)
                  .stream()
                  .flatMap(x -> x.getChildElementsByType(CamundaOut.class).stream())
                  .toList()) {
            check(
                undeclared,
                call.getCalledElement(),
                call,
                "out source",
                out.getCamundaSource(),
                callee);
            check(undeclared, p.getId(), call, "out target", out.getCamundaTarget(), names);
          }
        }
      }
    }
    assertThat(undeclared).isEmpty();
  }

  private static void check(
      List<String> undeclared,
      String process,
      CallActivity call,
      String what,
      String name,
      Set<String> names) {
    if (name != null && !names.contains(name)) {
      undeclared.add(process + ": " + call.getId() + " " + what + " " + name);
    }
  }

  /**
   * Java names a process variable only through its declaration. Not counted: a column of a result
   * set or a register (SQL names that happen to equal a variable's), and a line that says why it is
   * not a process variable ({@value #NOT_A_VARIABLE}).
   */
  @Test
  void noProcessVariableIsABareStringInTheCode() throws IOException {
    Set<String> all = new TreeSet<>();
    declared.values().forEach(pv -> all.addAll(pv.declared().keySet()));
    Path main = Path.of("src/main/java");
    Pattern literal = Pattern.compile("\"([A-Za-z_]\\w*)\"");
    Pattern sqlColumn = Pattern.compile("(rs\\.get\\w*|new Column)\\(\\s*$");
    List<String> bare = new ArrayList<>();
    try (Stream<Path> files = Files.walk(main)) {
      for (Path f :
          (Iterable<Path>)
              files
                      .filter(p -> p.toString().endsWith(".java"))
                      .filter(p -> !p.getFileName().toString().endsWith("Variables.java"))
                      .filter(p -> !p.endsWith(Path.of("com/aftersales/registers/Register.java")))
                  ::iterator) {
        List<String> lines = Files.readAllLines(f);
        for (int i = 0; i < lines.size(); i++) {
          String line = lines.get(i);
          if (line.contains(NOT_A_VARIABLE)) {
            continue;
          }
          Matcher m = literal.matcher(line);
          while (m.find()) {
            if (all.contains(m.group(1))
                && !sqlColumn.matcher(line.substring(0, m.start())).find()) {
              bare.add(main.relativize(f) + ":" + (i + 1) + " \"" + m.group(1) + "\"");
            }
          }
        }
      }
    }
    assertThat(bare).isEmpty();
  }

  static final String NOT_A_VARIABLE = "not a process variable:";

  private Set<String> names(String processKey) {
    ProcessVariables pv = declared.get(processKey);
    return pv == null ? Set.of() : pv.declared().keySet();
  }

  private static List<String> fieldKeys(JsonNode form) {
    List<String> keys = new ArrayList<>();
    if (form != null) {
      collect(form.path("components"), keys);
    }
    return keys;
  }

  private static void collect(JsonNode components, List<String> keys) {
    for (JsonNode c : components) {
      if (c.hasNonNull("key")) {
        keys.add(c.path("key").asText());
      }
      if (c.hasNonNull("valuesKey")) {
        keys.add(c.path("valuesKey").asText());
      }
      collect(c.path("components"), keys);
    }
  }
}
