package com.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A user talking to the running application over HTTP, as Tasklist or a script would. */
public final class Rest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final TestRestTemplate http;
  final String user;

  public Rest(TestRestTemplate http, String user, String password) {
    this.http = user == null ? http : http.withBasicAuth(user, password);
    this.user = user;
  }

  public ResponseEntity<String> get(String path) {
    return http.getForEntity(path, String.class);
  }

  public ResponseEntity<String> post(String path, Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    String json;
    try {
      json = body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(json, headers), String.class);
  }

  /** Any method with an optional JSON body (PUT, DELETE, …). */
  public ResponseEntity<String> send(HttpMethod method, String path, String body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
  }

  /** A multipart upload of one file, as a browser's file input sends it. */
  public ResponseEntity<String> upload(String path, String fileName, byte[] content) {
    org.springframework.util.LinkedMultiValueMap<String, Object> form =
        new org.springframework.util.LinkedMultiValueMap<>();
    form.add(
        "file",
        new org.springframework.core.io.ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return fileName;
          }
        });
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.MULTIPART_FORM_DATA);
    return http.exchange(path, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
  }

  ResponseEntity<byte[]> bytes(String path) {
    return http.getForEntity(path, byte[].class);
  }

  public JsonNode json(ResponseEntity<String> response) {
    try {
      return JSON.readTree(response.getBody());
    } catch (Exception e) {
      throw new IllegalStateException(response.getBody(), e);
    }
  }

  /** The one open task at an activity of a case, as this user sees it. */
  public String task(String caseId, String taskKey) {
    ResponseEntity<String> r =
        get(
            "/engine-rest/task?processInstanceBusinessKey="
                + caseId
                + "&taskDefinitionKey="
                + taskKey);
    assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    JsonNode list = json(r);
    assertThat(list).as("%s sees task %s of %s", user, taskKey, caseId).hasSize(1);
    return list.get(0).path("id").asText();
  }

  /** Claims a task for {@code userId}: the answer's status. */
  public int claim(String taskId, String userId) {
    return post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", userId))
        .getStatusCode()
        .value();
  }

  /** Gives a task to {@code userId}: the answer's status. */
  int assign(String taskId, String userId) {
    return post("/engine-rest/task/" + taskId + "/assignee", Map.of("userId", userId))
        .getStatusCode()
        .value();
  }

  /** Claims and completes a task through /engine-rest with the given form values. */
  public ResponseEntity<String> claimAndComplete(String taskId, Object... keyValues) {
    ResponseEntity<String> claim =
        post("/engine-rest/task/" + taskId + "/claim", Map.of("userId", user));
    assertThat(claim.getStatusCode().value()).as(claim.getBody()).isEqualTo(204);
    return complete(taskId, keyValues);
  }

  public ResponseEntity<String> complete(String taskId, Object... keyValues) {
    Map<String, Object> variables = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      variables.put((String) keyValues[i], Map.of("value", keyValues[i + 1]));
    }
    return post("/engine-rest/task/" + taskId + "/complete", Map.of("variables", variables));
  }

  /** Runs the due asynchronous steps of a case (what the job executor does in production). */
  void runJobs(String caseId) {
    for (int round = 0; round < 10; round++) {
      int executed = 0;
      for (JsonNode pi : json(get("/engine-rest/process-instance?businessKey=" + caseId))) {
        for (JsonNode job :
            json(
                get(
                    "/engine-rest/job?executable=true&messages=true&processInstanceId="
                        + pi.path("id").asText()))) {
          ResponseEntity<String> r =
              post("/engine-rest/job/" + job.path("id").asText() + "/execute", Map.of());
          assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(204);
          executed++;
        }
      }
      if (executed == 0) {
        return;
      }
    }
  }
}
