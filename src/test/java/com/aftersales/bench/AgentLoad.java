package com.aftersales.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Agents working their queue through the engine's REST API as Tasklist calls it, on the JDK's HTTP
 * client: list the filter's first page (HAL, with the list's case variables embedded), open a task
 * with its form variables, claim it, complete it through its form with valid values; a share of the
 * completions first sends the form with the buyer-message tick missing, which must be refused with
 * 400. Every request's time is kept per action; every answer that is not what the step expects is
 * counted by action and status.
 */
final class AgentLoad {

  /** Values of a valid completion, per task the agents work on (REST variable format). */
  static final Map<String, String> VALID =
      Map.of(
          "userTask_collectEvidence",
          "{\"photoCount\":{\"value\":3,\"type\":\"Long\"},"
              + "\"waybillPhotoReceived\":{\"value\":true,\"type\":\"Boolean\"},"
              + "\"evidenceDescription\":{\"value\":\"外箱压扁，杯身裂开\",\"type\":\"String\"},"
              + "\"buyerMessageSent\":{\"value\":%s,\"type\":\"Boolean\"}}",
          "userTask_offerResolution",
          "{\"buyerChoice\":{\"value\":\"ACCEPT_COMPENSATION\",\"type\":\"String\"},"
              + "\"offeredCompensation\":{\"value\":12.0,\"type\":\"Double\"},"
              + "\"buyerMessageSent\":{\"value\":%s,\"type\":\"Boolean\"}}");

  static final List<String> ACTIONS = List.of("list", "open", "claim", "invalid", "complete");

  /** One completed task: who, which task, of which case, at which step. */
  record Done(String agent, String taskId, String caseId, String step) {}

  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(10))
          .version(HttpClient.Version.HTTP_1_1)
          .build();
  private final ObjectMapper json = new ObjectMapper();
  private final String base;
  private final String filterId;
  private final double invalidShare;
  private final long thinkMs;
  final Map<String, ConcurrentLinkedQueue<Double>> ms = new ConcurrentHashMap<>();
  final Map<String, AtomicLong> unexpected = new ConcurrentHashMap<>();
  final AtomicLong intended400 = new AtomicLong();
  final AtomicLong claimRaces = new AtomicLong();

  /** Tasks a colleague completed between the list and the open (404, as Tasklist is told). */
  final AtomicLong openRaces = new AtomicLong();

  final AtomicLong actions = new AtomicLong();
  final ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();

  /**
   * @param thinkMs the mean time an agent takes between two actions (reading the list, the form,
   *     typing), drawn from an exponential distribution capped at five times the mean; 0 for none
   */
  AgentLoad(String base, String filterId, double invalidShare, long thinkMs) {
    this.base = base;
    this.filterId = filterId;
    this.invalidShare = invalidShare;
    this.thinkMs = thinkMs;
    ACTIONS.forEach(a -> ms.put(a, new ConcurrentLinkedQueue<>()));
  }

  /** Agent {@code index} (user {@code user}) works until {@code until} (System.nanoTime). */
  void work(String user, int index, long until) {
    String auth =
        "Basic "
            + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    while (System.nanoTime() < until) {
      try {
        cycle(user, index, auth);
      } catch (Exception e) {
        unexpected
            .computeIfAbsent("exception " + Timings.describe(e), k -> new AtomicLong())
            .incrementAndGet();
      }
    }
  }

  private void cycle(String user, int index, String auth) throws Exception {
    var page =
        call(
            "list",
            auth,
            "POST",
            "/filter/" + filterId + "/list?firstResult=0&maxResults=50",
            "{}",
            "application/hal+json");
    if (page.statusCode() != 200) {
      return;
    }
    List<JsonNode> workable = new ArrayList<>();
    for (JsonNode t : json.readTree(page.body()).path("_embedded").path("task")) {
      if (VALID.containsKey(t.path("taskDefinitionKey").asText())) {
        workable.add(t);
      }
    }
    if (workable.isEmpty()) {
      return;
    }
    // agents see the same list: each takes "its" row, as colleagues at one queue would
    JsonNode task = workable.get(index % workable.size());
    String id = task.path("id").asText();
    String step = task.path("taskDefinitionKey").asText();
    var open = call("open", auth, "GET", "/task/" + id + "/form-variables", null, null, true);
    if (open.statusCode() != 200) {
      if (open.statusCode() == 404 && open.body().contains("任务不存在或已被他人处理")) {
        openRaces.incrementAndGet();
      } else {
        count("open", open.statusCode(), open.body());
      }
      return;
    }
    var claim = call("claim", auth, "POST", "/task/" + id + "/claim", claimBody(user), null, true);
    if (claim.statusCode() != 204) {
      // a colleague claimed it first (409) or completed it meanwhile (404): what Tasklist tells
      if ((claim.statusCode() == 409 && claim.body().contains("认领"))
          || (claim.statusCode() == 404 && claim.body().contains("任务不存在或已被他人处理"))) {
        claimRaces.incrementAndGet();
      } else {
        count("claim", claim.statusCode(), claim.body());
      }
      return;
    }
    String values = VALID.get(step);
    if (ThreadLocalRandom.current().nextDouble() < invalidShare) {
      var refused =
          call(
              "invalid",
              auth,
              "POST",
              "/task/" + id + "/submit-form",
              "{\"variables\":" + String.format(Locale.ROOT, values, "false") + "}",
              null,
              true);
      if (refused.statusCode() == 400) {
        intended400.incrementAndGet();
      } else {
        count("invalid", refused.statusCode(), refused.body());
      }
    }
    var completed =
        call(
            "complete",
            auth,
            "POST",
            "/task/" + id + "/submit-form",
            "{\"variables\":" + String.format(Locale.ROOT, values, "true") + "}",
            null);
    if (completed.statusCode() == 204 || completed.statusCode() == 200) {
      done.add(new Done(user, id, null, step));
    }
  }

  private static String claimBody(String user) {
    return "{\"userId\":\"" + user + "\"}";
  }

  private HttpResponse<String> call(
      String action, String auth, String method, String path, String body, String accept)
      throws Exception {
    return call(action, auth, method, path, body, accept, false);
  }

  /** One request, timed under {@code action}; an answer the caller does not handle is counted. */
  private HttpResponse<String> call(
      String action,
      String auth,
      String method,
      String path,
      String body,
      String accept,
      boolean callerJudges)
      throws Exception {
    think();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofMinutes(10))
            .header("Authorization", auth)
            .header("Accept", accept == null ? "application/json" : accept);
    if (body == null) {
      b.GET();
    } else {
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    }
    long start = System.nanoTime();
    HttpResponse<String> r =
        client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    ms.get(action).add((System.nanoTime() - start) / 1e6);
    actions.incrementAndGet();
    int s = r.statusCode();
    if (!callerJudges && s != 200 && s != 204) {
      count(action, s, r.body());
    }
    return r;
  }

  private void think() throws InterruptedException {
    if (thinkMs > 0) {
      double draw = -Math.log(1 - ThreadLocalRandom.current().nextDouble()) * thinkMs;
      Thread.sleep((long) Math.min(draw, 5.0 * thinkMs));
    }
  }

  /** Counts an answer nobody expected by action, status and the engine's message. */
  private void count(String action, int status, String body) {
    unexpected
        .computeIfAbsent(action + " " + status + reason(body), k -> new AtomicLong())
        .incrementAndGet();
  }

  /** " (Type: message)" of an engine error answer, shortened; empty when there is none. */
  static String reason(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String type;
    String message;
    try {
      JsonNode answer = new ObjectMapper().readTree(body);
      type = answer.path("type").asText("");
      message = answer.path("message").asText("");
    } catch (Exception notJson) {
      type = "";
      message = body;
    }
    String text = (type.isEmpty() ? "" : type + ": ") + message.replaceAll("\\s+", " ").trim();
    if (text.isEmpty()) {
      return "";
    }
    return " (" + (text.length() > 120 ? text.substring(0, 120) + "…" : text) + ")";
  }

  /** p50/p95/p99 and count per action, e.g. "list 12.0/40.1/80.2 ms (n=900)". */
  String latencies() {
    List<String> out = new ArrayList<>();
    for (String a : ACTIONS) {
      List<Double> sorted = ms.get(a).stream().sorted().toList();
      if (sorted.isEmpty()) {
        continue;
      }
      out.add(
          String.format(
              Locale.ROOT,
              "%s %.0f/%.0f/%.0f ms (n=%d)",
              a,
              at(sorted, 0.50),
              at(sorted, 0.95),
              at(sorted, 0.99),
              sorted.size()));
    }
    return String.join(", ", out);
  }

  double p95(String action) {
    List<Double> sorted = ms.get(action).stream().sorted().toList();
    return sorted.isEmpty() ? 0 : at(sorted, 0.95);
  }

  private static double at(List<Double> sorted, double p) {
    return sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
  }

  Map<String, Long> errors() {
    Map<String, Long> out = new TreeMap<>();
    unexpected.forEach((k, v) -> out.put(k, v.get()));
    return out;
  }

  static Set<String> steps() {
    return VALID.keySet();
  }
}
