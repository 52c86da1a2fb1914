package com.aftersales.cases;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Writes a timeline entry for every completed user task: who did it, when, and what they decided,
 * read from the task's own form (the editable fields, with their Chinese labels and option labels).
 * A model or form redesigned in the Modeler is recorded the same way, with no code change.
 */
@Component
class TaskTimelineRecorder {

  private static final Set<String> INPUT_TYPES =
      Set.of(
          "textfield",
          "textarea",
          "number",
          "checkbox",
          "radio",
          "select",
          "datetime",
          "checklist");

  /**
   * A form field whose value is personal data says so with the custom property {@code personalData:
   * true} (set in the Modeler's form editor); only its last four characters reach the timeline.
   * Forms released before that property existed mark nothing, so their one such field is known by
   * name.
   */
  static final String PERSONAL_DATA = "personalData";

  private static final Set<String> PERSONAL_BEFORE_PROPERTY =
      Set.of("payeeAccount"); // not a process variable: a field key of forms released earlier

  /** One editable field of a form. */
  record Field(String key, String label, Map<String, String> options, boolean personal) {}

  private final CaseTimeline timeline;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, List<Field>> formFields = new ConcurrentHashMap<>();

  TaskTimelineRecorder(CaseTimeline timeline) {
    this.timeline = timeline;
  }

  @EventListener(condition = "#task.eventName == '" + TaskListener.EVENTNAME_COMPLETE + "'")
  public void onComplete(DelegateTask task) {
    String caseId = task.getExecution().getProcessBusinessKey();
    if (caseId == null) {
      return;
    }
    String actor = CaseTimeline.actor(task);
    timeline.record(caseId, task.getTaskDefinitionKey(), task.getName(), actor, decisions(task));
  }

  String decisions(DelegateTask task) {
    StringJoiner out = new StringJoiner("；");
    for (Field f : fields(task)) {
      Object value = task.getVariable(f.key());
      if (value == null || value.toString().isBlank()) {
        continue;
      }
      String shown =
          value instanceof Boolean b
              ? (b ? "是" : "否")
              : f.options().getOrDefault(value.toString(), value.toString());
      if (f.personal() && shown.length() > 4) {
        shown = "*".repeat(shown.length() - 4) + shown.substring(shown.length() - 4);
      }
      out.add(f.label() + "：" + shown);
    }
    return out.toString();
  }

  private List<Field> fields(DelegateTask task) {
    String cacheKey = task.getProcessDefinitionId() + "/" + task.getTaskDefinitionKey();
    return formFields.computeIfAbsent(cacheKey, k -> readForm(task));
  }

  private List<Field> readForm(DelegateTask task) {
    if (!hasCamundaForm(task)) {
      // Asking the form service for a form that is not there would fail inside the completing
      // transaction and doom it: a task without a Camunda Form is recorded without decisions.
      return List.of();
    }
    try (InputStream form =
        Context.getCommandContext()
            .runWithoutAuthorization(
                () ->
                    task.getProcessEngineServices()
                        .getFormService()
                        .getDeployedTaskForm(task.getId()))) {
      List<Field> fields = new ArrayList<>();
      collect(json.readTree(form).path("components"), fields);
      return fields;
    } catch (IOException | RuntimeException e) {
      // A task without a Camunda Form still gets its timeline entry, without decisions.
      return List.of();
    }
  }

  private static boolean hasCamundaForm(DelegateTask task) {
    if (!(task instanceof TaskEntity entity) || entity.getTaskDefinition() == null) {
      return false;
    }
    FormDefinition form = entity.getTaskDefinition().getFormDefinition();
    if (form == null) {
      return false;
    }
    if (form.getCamundaFormDefinitionKey() != null) {
      return true;
    }
    return form.getFormKey() != null
        && form.getFormKey().getExpressionText().startsWith("camunda-forms:");
  }

  private static void collect(JsonNode components, List<Field> fields) {
    for (JsonNode c : components) {
      if (c.has("components")) {
        collect(c.path("components"), fields);
      }
      String type = c.path("type").asText();
      if (!INPUT_TYPES.contains(type) || !c.hasNonNull("key") || c.path("readonly").asBoolean()) {
        continue;
      }
      Map<String, String> options = new LinkedHashMap<>();
      for (JsonNode v : c.path("values")) {
        options.put(v.path("value").asText(), v.path("label").asText());
      }
      String key = c.path("key").asText();
      boolean personal =
          c.path("properties").path(PERSONAL_DATA).asText().equals("true")
              || PERSONAL_BEFORE_PROPERTY.contains(key);
      fields.add(new Field(key, c.path("label").asText(key), options, personal));
    }
  }
}
