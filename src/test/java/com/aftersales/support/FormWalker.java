package com.aftersales.support;

import com.aftersales.cases.photos.CasePhotos;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;

/**
 * Walks a case through whatever its <em>deployed</em> forms ask, as the roles would: every open
 * user task in the case's tree (call activities included) is filled from its own form's definition
 * (options, limits, patterns, values already on the case) and submitted by a demo user of its
 * candidate group; when no task is open, due jobs run; when nothing is due, the engine's clock
 * moves to the earliest timer and that timer fires. A refusal is retried with other choices; a job
 * that fails is reported, never swallowed.
 *
 * <p>Because it reads the form of the task's own deployment, a case started on an older release's
 * models is answered as that release's forms ask, which is what the upgrade test needs.
 *
 * <p>An evidence task whose form asks for uploaded photos instead of a typed count gets them as an
 * agent gives them: real pictures uploaded to the case through the application's photo service
 * before the form is submitted.
 */
public final class FormWalker {

  /** The kinds of wait state a case can stand in. */
  public enum Wait {
    USER_TASK,
    TIMER,
    MESSAGE,
    CALL_ACTIVITY
  }

  private static final Map<String, String> USER_OF_GROUP =
      Map.of(
          "agents", "agent1",
          "supervisors", "supervisor",
          "warehouse", "warehouse",
          "finance", "finance",
          "process-owners", "owner",
          "back-office", "backoffice");

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 12;
  private static final String EVIDENCE_TASK = "userTask_collectEvidence";

  private final ProcessEngine engine;
  private final CasePhotos photos;
  private final Random random;
  private final Map<String, Object> overrides;
  private final List<String> path = new ArrayList<>();

  /** A walker for flows without evidence photos (an evidence task that needs uploads fails). */
  public FormWalker(ProcessEngine engine, long seed, Map<String, Object> overrides) {
    this(engine, null, seed, overrides);
  }

  /** A walker that uploads evidence photos through {@code photos} where a form asks for them. */
  public FormWalker(
      ProcessEngine engine, CasePhotos photos, long seed, Map<String, Object> overrides) {
    this.engine = engine;
    this.photos = photos;
    this.random = new Random(seed);
    this.overrides = overrides;
  }

  /** What the walker did so far, one entry per step. */
  public List<String> path() {
    return path;
  }

  /** Takes up to {@code steps} steps; returns how many it took (fewer when the case ended). */
  public int walk(String rootId, int steps) {
    int taken = 0;
    while (taken < steps && !ended(rootId)) {
      if (!step(rootId)) {
        throw new AssertionError(
            "case "
                + rootId
                + " is stuck: no task, job or timer, waiting for "
                + waits(rootId)
                + "; path "
                + path);
      }
      taken++;
    }
    return taken;
  }

  /** Walks until the case ended; fails when it does not within {@code maxSteps}. */
  public void walkToEnd(String rootId, int maxSteps) {
    walk(rootId, maxSteps);
    if (!ended(rootId)) {
      throw new AssertionError(
          "case " + rootId + " did not end within " + maxSteps + " steps; path " + path);
    }
  }

  public boolean ended(String rootId) {
    HistoricProcessInstance h =
        engine
            .getHistoryService()
            .createHistoricProcessInstanceQuery()
            .processInstanceId(rootId)
            .singleResult();
    return h != null && h.getEndTime() != null;
  }

  /** The kinds of wait state the case stands in now. */
  public Set<Wait> waits(String rootId) {
    Set<Wait> kinds = EnumSet.noneOf(Wait.class);
    List<String> tree = tree(rootId);
    if (tree.isEmpty()) {
      return kinds;
    }
    if (tree.size() > 1) {
      kinds.add(Wait.CALL_ACTIVITY);
    }
    if (engine.getTaskService().createTaskQuery().processInstanceIdIn(ids(tree)).count() > 0) {
      kinds.add(Wait.USER_TASK);
    }
    if (engine
            .getManagementService()
            .createJobQuery()
            .rootProcessInstanceId(rootId)
            .timers()
            .count()
        > 0) {
      kinds.add(Wait.TIMER);
    }
    for (String id : tree) {
      if (engine
              .getRuntimeService()
              .createEventSubscriptionQuery()
              .processInstanceId(id)
              .eventType("message")
              .count()
          > 0) {
        kinds.add(Wait.MESSAGE);
      }
    }
    return kinds;
  }

  /** The process keys running in the case's tree (the case and its called flows). */
  public Set<String> processKeys(String rootId) {
    Set<String> keys = new TreeSet<>();
    for (String id : tree(rootId)) {
      ProcessInstance pi =
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .processInstanceId(id)
              .singleResult();
      keys.add(
          engine.getRepositoryService().getProcessDefinition(pi.getProcessDefinitionId()).getKey());
    }
    return keys;
  }

  /** One step: a task, else a due job, else the earliest timer. False when there is nothing. */
  public boolean step(String rootId) {
    failOnBrokenJobs(rootId);
    List<String> tree = tree(rootId);
    List<Task> tasks =
        engine
            .getTaskService()
            .createTaskQuery()
            .processInstanceIdIn(ids(tree))
            .orderByTaskCreateTime()
            .asc()
            .list();
    if (!tasks.isEmpty()) {
      complete(tasks.get(0));
      return true;
    }
    List<Job> due =
        engine
            .getManagementService()
            .createJobQuery()
            .rootProcessInstanceId(rootId)
            .executable()
            .list();
    if (!due.isEmpty()) {
      execute(due.get(0), "job");
      return true;
    }
    List<Job> timers =
        engine
            .getManagementService()
            .createJobQuery()
            .rootProcessInstanceId(rootId)
            .timers()
            .orderByJobDuedate()
            .asc()
            .list();
    if (!timers.isEmpty()) {
      Job timer = timers.get(0);
      if (timer.getDuedate() != null && timer.getDuedate().after(ClockUtil.getCurrentTime())) {
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 1000));
      }
      execute(timer, "timer");
      return true;
    }
    return false;
  }

  private void execute(Job job, String what) {
    String activity = activityOf(job);
    try {
      engine.getManagementService().executeJob(job.getId());
      path.add("(" + what + " " + activity + ")");
    } catch (RuntimeException e) {
      throw new AssertionError(
          what + " at " + activity + " failed: " + e.getMessage() + "; path " + path, e);
    }
  }

  private String activityOf(Job job) {
    var def =
        engine
            .getManagementService()
            .createJobDefinitionQuery()
            .jobDefinitionId(job.getJobDefinitionId())
            .singleResult();
    return def == null ? job.getId() : def.getActivityId();
  }

  private void failOnBrokenJobs(String rootId) {
    List<Job> broken =
        engine
            .getManagementService()
            .createJobQuery()
            .rootProcessInstanceId(rootId)
            .withException()
            .list();
    if (!broken.isEmpty()) {
      throw new AssertionError(
          "job at "
              + activityOf(broken.get(0))
              + " failed: "
              + broken.get(0).getExceptionMessage()
              + "; path "
              + path);
    }
  }

  private void complete(Task task) {
    String user = userFor(task);
    JsonNode form = deployedForm(task);
    uploadEvidencePhotos(task, form, user);
    Map<String, Object> current = engine.getTaskService().getVariables(task.getId());
    List<String> refusals = new ArrayList<>();
    Map<String, Object> values = fill(form, current);
    Map<String, Integer> tries = new HashMap<>();
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      engine.getTaskService().setAssignee(task.getId(), user);
      engine.getIdentityService().setAuthentication(user, groupsOf(user));
      try {
        engine.getFormService().submitTaskForm(task.getId(), values);
        path.add(task.getTaskDefinitionKey() + " by " + user);
        return;
      } catch (RuntimeException refused) {
        refusals.add(refused.getMessage() + " " + values);
        String field = refusedField(refused);
        JsonNode definition = field == null ? null : fieldOf(form, field);
        if (definition == null || overrides.containsKey(field)) {
          values = fill(form, current);
        } else {
          Object next =
              vary(definition, values.get(field), tries.merge(field, 1, Integer::sum), current);
          if (next == null) {
            values.remove(field);
          } else {
            values.put(field, next);
          }
        }
      } finally {
        engine.getIdentityService().clearAuthentication();
      }
    }
    throw new AssertionError(
        "task "
            + task.getTaskDefinitionKey()
            + " was refused "
            + ATTEMPTS
            + " times: "
            + refusals
            + "; path "
            + path);
  }

  /**
   * Before an evidence task whose form asks no typed count: the detail photos the case's kind needs
   * ({@code aftersales.photos.evidence-minimum}) are uploaded as the agent uploads them, and now
   * and then a waybill photo (which stands for the ticked box). The pictures are the same for the
   * same case, so a second visit uploads nothing new.
   */
  private void uploadEvidencePhotos(Task task, JsonNode form, String user) {
    if (!EVIDENCE_TASK.equals(task.getTaskDefinitionKey()) || fieldOf(form, "photoCount") != null) {
      return;
    }
    if (photos == null) {
      throw new AssertionError(
          "task "
              + task.getTaskDefinitionKey()
              + " asks for uploaded photos: give the walker the photo service; path "
              + path);
    }
    String caseId =
        engine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult()
            .getBusinessKey();
    Object kind = engine.getTaskService().getVariable(task.getId(), "caseKind");
    int needed = photos.settings().evidenceMinimum(String.valueOf(kind));
    int seed = Math.floorMod(caseId.hashCode(), 1000);
    List<CasePhotos.Upload> details = new ArrayList<>();
    for (int i = 0; i < needed; i++) {
      details.add(
          new CasePhotos.Upload("detail-" + (i + 1) + ".jpg", TestPhotos.jpeg(64, 48, seed + i)));
    }
    photos.upload(caseId, details, "DETAIL", user);
    if (random.nextBoolean()) {
      photos.upload(
          caseId,
          List.of(new CasePhotos.Upload("waybill.png", TestPhotos.png(64, 48, seed + 500))),
          "WAYBILL",
          user);
    }
    path.add("(photos uploaded to " + caseId + ")");
  }

  /** The field a refusal names (our listeners name it), or null. */
  private static String refusedField(Throwable refused) {
    for (Throwable t = refused; t != null; t = t.getCause()) {
      if (t instanceof org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException v
          && v.getDetail() instanceof String field) {
        return field;
      }
    }
    return null;
  }

  private static JsonNode fieldOf(JsonNode form, String key) {
    List<JsonNode> fields = new ArrayList<>();
    flatten(form.path("components"), fields);
    return fields.stream().filter(f -> key.equals(f.path("key").asText())).findFirst().orElse(null);
  }

  /** The next value to try for a field the last submission was refused for. */
  private Object vary(JsonNode field, Object last, int tried, Map<String, Object> current) {
    String type = field.path("type").asText();
    JsonNode validate = field.path("validate");
    switch (type) {
      case "number" -> {
        if (tried == 1 && !validate.path("required").asBoolean()) {
          // an optional amount the server refused: left empty, the server takes its own (e.g. the
          // documented price difference), as a clerk would try first
          return null;
        }
        double lo = validate.path("min").asDouble(0);
        double hi = validate.has("max") ? validate.path("max").asDouble() : lo + 10;
        // a rule may need more than a few yuan (a repair fee deducted first) yet far less than a
        // wide maximum (what the buyer paid): sweep upwards before trying the middle and the top
        double[] candidates =
            validate.has("max")
                ? new double[] {
                  lo, lo + 1, lo + 2, lo + 3, lo + 5, lo + 10, lo + 20, lo + 50, (lo + hi) / 2, hi
                }
                : new double[] {lo, lo + 1, lo + 2, lo + 3, lo + 5, lo + 10, lo + 20, lo + 50};
        double c = candidates[tried % candidates.length];
        double v = validate.has("max") ? Math.min(hi, c) : c;
        return field.has("decimalDigits") ? (Object) v : (Object) (long) v;
      }
      case "checkbox" -> {
        return tried % 2 == 1;
      }
      case "radio", "select" -> {
        List<Object> options = options(field, current);
        return options.isEmpty() ? null : options.get((options.indexOf(last) + 1) % options.size());
      }
      default -> {
        // an optional text the server refused (e.g. an order number it does not know): leave it
        return validate.path("required").asBoolean() ? guess(field, null, current) : null;
      }
    }
  }

  private String userFor(Task task) {
    for (IdentityLink link : engine.getTaskService().getIdentityLinksForTask(task.getId())) {
      if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
        String user = USER_OF_GROUP.get(link.getGroupId());
        if (user != null) {
          return user;
        }
      }
    }
    return task.getAssignee() != null ? task.getAssignee() : "agent1";
  }

  private List<String> groupsOf(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
        .map(g -> g.getId())
        .toList();
  }

  private JsonNode deployedForm(Task task) {
    try (InputStream in = engine.getFormService().getDeployedTaskForm(task.getId())) {
      return JSON.readTree(in);
    } catch (IOException | RuntimeException e) {
      return JSON.createObjectNode();
    }
  }

  /** A submission for the form: every field it offers, chosen from its own definition. */
  Map<String, Object> fill(JsonNode form, Map<String, Object> current) {
    Map<String, Object> values = new LinkedHashMap<>();
    List<JsonNode> fields = new ArrayList<>();
    flatten(form.path("components"), fields);
    for (JsonNode field : fields) {
      String key = field.path("key").asText(null);
      if (key == null || field.path("readonly").asBoolean() || field.path("disabled").asBoolean()) {
        continue;
      }
      Object value =
          overrides.containsKey(key) ? overrides.get(key) : guess(field, current.get(key), current);
      if (value != null) {
        values.put(key, value);
      }
    }
    return values;
  }

  private static void flatten(JsonNode components, List<JsonNode> into) {
    for (JsonNode c : components) {
      into.add(c);
      flatten(c.path("components"), into);
    }
  }

  private Object guess(JsonNode field, Object already, Map<String, Object> current) {
    String type = field.path("type").asText();
    JsonNode validate = field.path("validate");
    List<Object> options = options(field, current);
    switch (type) {
      case "radio", "select" -> {
        return options.isEmpty() ? already : options.get(random.nextInt(options.size()));
      }
      case "checklist", "taglist" -> {
        return options.isEmpty() ? null : List.of(options.get(random.nextInt(options.size())));
      }
      case "checkbox" -> {
        // a required tick (e.g. "sent to the buyer") is given, as the agent gives it; others vary
        return validate.path("required").asBoolean() || random.nextBoolean();
      }
      case "number" -> {
        double lo = validate.path("min").asDouble(0);
        double hi = validate.has("max") ? validate.path("max").asDouble() : lo + 10;
        if (already instanceof Number n && n.doubleValue() >= lo && n.doubleValue() <= hi) {
          return random.nextBoolean() ? n : between(field, lo, hi);
        }
        return between(field, lo, hi);
      }
      case "datetime" -> {
        ZonedDateTime when =
            ClockUtil.getCurrentTime()
                .toInstant()
                .atZone(SHANGHAI)
                .plusHours(1 + random.nextInt(48));
        return "date".equals(field.path("subtype").asText())
            ? when.toLocalDate().toString()
            : when.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      }
      case "textfield", "textarea" -> {
        if (already instanceof String s && !s.isBlank()) {
          return s;
        }
        return text(field, validate);
      }
      default -> {
        return null;
      }
    }
  }

  /** Mostly the smallest values a form allows (limits the server checks are often tighter). */
  private Object between(JsonNode field, double lo, double hi) {
    int pick = random.nextInt(4);
    if (pick < 2) {
      hi = lo;
    } else if (pick == 2) {
      hi = Math.min(hi, lo + 1);
    }
    if (field.has("decimalDigits")) {
      return Math.round((lo + random.nextDouble() * (hi - lo)) * 100) / 100.0;
    }
    long low = (long) Math.ceil(lo);
    long high = (long) Math.floor(hi);
    return high <= low ? low : low + (long) random.nextInt((int) Math.min(high - low + 1, 1000));
  }

  private String text(JsonNode field, JsonNode validate) {
    String key = field.path("key").asText("").toLowerCase();
    if (key.contains("phone")) {
      return "13800138000";
    }
    if (key.contains("trackingnumber")) {
      return "SF" + (1_000_000_000L + random.nextInt(999_999_999));
    }
    if (key.contains("carrier")) {
      return "顺丰速运";
    }
    if (key.contains("account")) {
      // an Alipay account (a phone number) or a bank card, whichever the channel asks for
      return random.nextBoolean() ? "13800138000" : "6222021234567890123";
    }
    if (validate.has("pattern")) {
      List<String> candidates =
          List.of(
              "SF" + (1_000_000_000L + random.nextInt(999_999_999)),
              "YT" + (1_000_000_000L + random.nextInt(999_999_999)),
              String.valueOf(100_000 + random.nextInt(9_000_000)),
              "13" + (100_000_000 + random.nextInt(899_999_999)),
              "tb_walker1",
              "A1B2C3");
      try {
        Pattern p = Pattern.compile(validate.path("pattern").asText());
        for (String c : candidates) {
          if (p.matcher(c).matches()) {
            return c;
          }
        }
      } catch (PatternSyntaxException unreadable) {
        return null;
      }
      return null;
    }
    String text = "已与买家核实，按表单处理（" + (1 + random.nextInt(999)) + "）";
    int max = validate.path("maxLength").asInt(200);
    return text.length() > max ? text.substring(0, max) : text;
  }

  private static List<Object> options(JsonNode field, Map<String, Object> current) {
    List<Object> options = new ArrayList<>();
    for (JsonNode v : field.path("values")) {
      options.add(v.path("value").asText());
    }
    String valuesKey = field.path("valuesKey").asText(null);
    if (options.isEmpty() && valuesKey != null && current.get(valuesKey) != null) {
      Object raw = current.get(valuesKey);
      if (raw instanceof Collection<?> list) {
        for (Object o : list) {
          options.add(o instanceof Map<?, ?> m ? m.get("value") : o);
        }
      } else {
        try {
          for (JsonNode o : JSON.readTree(String.valueOf(raw))) {
            options.add(o.has("value") ? o.path("value").asText() : o.asText());
          }
        } catch (IOException notJson) {
          // not a list: no options
        }
      }
    }
    return options;
  }

  private List<String> tree(String rootId) {
    List<String> ids = new ArrayList<>();
    List<String> frontier = new ArrayList<>(List.of(rootId));
    while (!frontier.isEmpty()) {
      String id = frontier.remove(frontier.size() - 1);
      if (engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).count()
          == 0) {
        continue;
      }
      ids.add(id);
      for (ProcessInstance sub :
          engine
              .getRuntimeService()
              .createProcessInstanceQuery()
              .superProcessInstanceId(id)
              .list()) {
        frontier.add(sub.getId());
      }
    }
    return ids;
  }

  private static String[] ids(List<String> tree) {
    return tree.toArray(String[]::new);
  }

  /** Values a test wants a field to take whatever the form offers, e.g. a buyer who answers. */
  public static Map<String, Object> answers(Object... keyValues) {
    Map<String, Object> m = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      m.put((String) keyValues[i], keyValues[i + 1]);
    }
    return m;
  }
}
