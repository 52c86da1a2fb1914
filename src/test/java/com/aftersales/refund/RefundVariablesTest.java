package com.aftersales.refund;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaIn;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaOut;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every name the refund's model, its forms and its callers use is declared in {@link
 * RefundVariables#PROCESS}, for the current models and the last release's (cases still run on
 * them).
 */
class RefundVariablesTest {

  /** {@code ${name}}, {@code ${!name}}, {@code ${name == 'X'}}: a name not followed by a dot. */
  private static final Pattern NAME = Pattern.compile("[$#]\\{\\s*!?\\s*([A-Za-z_]\\w*)\\b(?!\\.)");

  @ParameterizedTest
  @ValueSource(strings = {".", "src/test/resources/upgrade/released"})
  void everyNameOfTheModelItsFormsAndItsCallersIsDeclared(String root) throws IOException {
    Set<String> declared = RefundVariables.PROCESS.declared().keySet();
    Set<String> used = new TreeSet<>();
    Path model = Path.of(root, "bpmn", "refund.bpmn");
    String xml = Files.readString(model);

    Matcher form = Pattern.compile("camunda:formRef=\"([^\"]+)\"").matcher(xml);
    while (form.find()) {
      fieldKeys(
          new ObjectMapper().readTree(Path.of(root, "forms", form.group(1) + ".form").toFile()),
          used);
    }
    // delegate expressions name beans; everything else unqualified is a variable
    Matcher name = NAME.matcher(xml.replaceAll("delegateExpression=\"[^\"]*\"", ""));
    while (name.find()) {
      used.add(name.group(1));
    }
    try (Stream<Path> files = Files.list(Path.of(root, "bpmn"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
        BpmnModelInstance m = Bpmn.readModelFromFile(f.toFile());
        for (CallActivity call : m.getModelElementsByType(CallActivity.class)) {
          if (!RefundVariables.PROCESS_KEY.equals(call.getCalledElement())) {
            continue;
          }
          for (CamundaIn in : m.getModelElementsByType(CamundaIn.class)) {
            if (in.getParentElement().getParentElement() == call && in.getCamundaTarget() != null) {
              used.add(in.getCamundaTarget());
            }
          }
          for (CamundaOut out : m.getModelElementsByType(CamundaOut.class)) {
            if (out.getParentElement().getParentElement() == call
                && out.getCamundaSource() != null) {
              used.add(out.getCamundaSource());
            }
          }
        }
      }
    }

    assertThat(used).contains("refundAmount", "answerPath", "sellerAnswerDue", "payeeAccount");
    assertThat(declared).as("declared in RefundVariables.PROCESS").containsAll(used);
  }

  private static void fieldKeys(JsonNode components, Set<String> keys) {
    for (JsonNode c : components.path("components")) {
      if (c.hasNonNull("key")) {
        keys.add(c.path("key").asText());
      }
      fieldKeys(c, keys);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"bpmn/refund.bpmn", "src/test/resources/upgrade/released/bpmn/refund.bpmn"})
  void theElementIdsCodeNamesAreInTheModel(String model) {
    BpmnModelInstance m = Bpmn.readModelFromFile(new File(model));
    for (String id :
        Set.of(
            RefundVariables.APPROVE_TASK,
            RefundVariables.TRANSFER_TASK,
            RefundVariables.CONFIRM_EVIDENCE_TASK,
            RefundVariables.NOT_REFILED_END,
            RefundVariables.RETURN_NOT_SHIPPED_END)) {
      assertThat((Object) m.getModelElementById(id)).as(id).isNotNull();
    }
  }
}
