package com.aftersales.web;

import com.aftersales.base.Filters;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * When a task completion is refused (400), the engine's REST layer puts "Cannot submit task form
 * &lt;id&gt;: " in front of our Chinese message, and Tasklist shows it as it comes; a start form
 * refused (400; 500 through {@code .../start}) gets "Cannot instantiate process definition
 * &lt;id&gt;: ". This filter takes that English prefix off, so the clerk reads only what to
 * correct.
 */
@Configuration
class TaskErrorMessageFilter {

  static final Pattern PREFIX =
      Pattern.compile("\"message\":\"Cannot (?:submit task form|complete task) [0-9a-fA-F-]+: ");

  /** The start of a process refused: by id, by key, by key and tenant. */
  static final Pattern START_PREFIX =
      Pattern.compile("\"message\":\"Cannot instantiate process definition [^\\s\"]+: ");

  static boolean isTaskCompletion(String uri) {
    // a claim of a task completed a moment ago fails the same way (Tasklist, fifty agents at once)
    return (uri.endsWith("/submit-form") || uri.endsWith("/complete") || uri.endsWith("/claim"))
        && uri.contains("/task/");
  }

  /** Opening a task's form: a colleague may have completed the task since the list was read. */
  static boolean isTaskOpening(String uri) {
    return (uri.endsWith("/form-variables") || uri.endsWith("/deployed-form"))
        && uri.contains("/task/");
  }

  static boolean isProcessStart(String uri) {
    return (uri.endsWith("/submit-form") || uri.endsWith("/start"))
        && uri.contains("/process-definition/");
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> taskErrorMessages(
      org.camunda.bpm.engine.TaskService tasks, org.camunda.bpm.engine.IdentityService identity) {
    return Filters.register(
        "aftersales-task-error-messages",
        0,
        (request, response, chain) -> {
          String uri = request.getRequestURI();
          boolean start = isProcessStart(uri);
          boolean opening = "GET".equals(request.getMethod()) && isTaskOpening(uri);
          if (!opening
              && (!"POST".equals(request.getMethod()) || !(start || isTaskCompletion(uri)))) {
            chain.doFilter(request, response);
            return;
          }
          ContentCachingResponseWrapper wrapper = new ContentCachingResponseWrapper(response);
          InputErrorUnwrapping.LAST_REFUSAL.remove();
          com.aftersales.base.InvalidInputException refusal;
          try {
            chain.doFilter(request, wrapper);
          } finally {
            refusal = InputErrorUnwrapping.LAST_REFUSAL.get();
            InputErrorUnwrapping.LAST_REFUSAL.remove();
          }
          String body = new String(wrapper.getContentAsByteArray(), StandardCharsets.UTF_8);
          String cleaned = body;
          String holder;
          if (start) {
            if (wrapper.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR
                && refusal != null
                && START_PREFIX.matcher(body).find()) {
              // POST .../start answers a refused start 500, unlike .../submit-form: it is the
              // clerk's input, not a server fault
              wrapper.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            }
            if (wrapper.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
              cleaned = START_PREFIX.matcher(body).replaceFirst("\"message\":\"");
            }
          } else if (opening) {
            if (wrapper.getStatus() >= 400 && taskGone(tasks, identity, uri)) {
              wrapper.setStatus(HttpServletResponse.SC_NOT_FOUND);
              cleaned = GONE;
            }
          } else if (wrapper.getStatus() == HttpServletResponse.SC_BAD_REQUEST) {
            cleaned = PREFIX.matcher(body).replaceFirst("\"message\":\"");
          } else if ((holder = claimLostTo(tasks, identity, uri, wrapper.getStatus(), body))
              != null) {
            // a colleague claimed it first (or at the same moment): not a server fault; the
            // holder is looked up once (a second look may find the task completed meanwhile)
            wrapper.setStatus(HttpServletResponse.SC_CONFLICT);
            cleaned =
                "{\"type\":\"TaskAlreadyClaimedException\",\"message\":\"任务已被 "
                    + holder.replace("\\", "\\\\").replace("\"", "\\\"")
                    + " 认领，请刷新任务列表，选择其他任务\"}";
          } else if (wrapper.getStatus() == HttpServletResponse.SC_INTERNAL_SERVER_ERROR
              && (body.contains("Cannot find task with id")
                  || body.contains("OptimisticLockingException")
                  || body.contains("updated by another transaction concurrently")
                  || taskGone(tasks, identity, uri))) {
            // completed by someone else a moment ago (or at the same moment: the engine's
            // optimistic lock rolled this completion back whole), or never existed: not a
            // server fault
            wrapper.setStatus(HttpServletResponse.SC_NOT_FOUND);
            cleaned = GONE;
          }
          if (!start
              && wrapper.getStatus() == HttpServletResponse.SC_FORBIDDEN
              && taskGone(tasks, identity, uri)) {
            // completed by someone else at the same moment: the task's authorizations went
            // with it, so the engine refused before it found the task gone
            wrapper.setStatus(HttpServletResponse.SC_NOT_FOUND);
            cleaned = GONE;
          }
          if (!cleaned.equals(body)) {
            wrapper.resetBuffer();
            wrapper.getOutputStream().write(cleaned.getBytes(StandardCharsets.UTF_8));
          }
          wrapper.copyBodyToResponse();
        },
        "/engine-rest/task/*",
        "/engine-rest/process-definition/*",
        "/camunda/api/engine/engine/*");
  }

  private static final String GONE =
      "{\"type\":\"NotFoundException\",\"message\":\"任务不存在或已被他人处理，请刷新任务列表\"}";

  /**
   * Who holds the task a refused claim names, when a colleague's claim is why it was refused (the
   * engine answers 500 with its exception); null otherwise.
   */
  static String claimLostTo(
      org.camunda.bpm.engine.TaskService tasks,
      org.camunda.bpm.engine.IdentityService identity,
      String uri,
      int status,
      String body) {
    if (!uri.endsWith("/claim")
        || status != HttpServletResponse.SC_INTERNAL_SERVER_ERROR
        || !(body.contains("TaskAlreadyClaimedException")
            || body.contains("OptimisticLockingException")
            || body.contains("updated by another transaction concurrently"))) {
      return null;
    }
    return holder(tasks, identity, uri);
  }

  /** Who holds the task a request names now, or null (looked up as the system). */
  private static String holder(
      org.camunda.bpm.engine.TaskService tasks,
      org.camunda.bpm.engine.IdentityService identity,
      String uri) {
    java.util.regex.Matcher m = TASK_ID.matcher(uri);
    if (!m.find()) {
      return null;
    }
    return com.aftersales.base.Access.asSystem(
        identity,
        () -> {
          org.camunda.bpm.engine.task.Task t =
              tasks.createTaskQuery().taskId(m.group(1)).singleResult();
          return t == null ? null : t.getAssignee();
        });
  }

  /** Whether the task a completion names no longer exists (looked up as the system). */
  private static boolean taskGone(
      org.camunda.bpm.engine.TaskService tasks,
      org.camunda.bpm.engine.IdentityService identity,
      String uri) {
    java.util.regex.Matcher m = TASK_ID.matcher(uri);
    return m.find()
        && com.aftersales.base.Access.asSystem(
            identity, () -> tasks.createTaskQuery().taskId(m.group(1)).count() == 0);
  }

  private static final Pattern TASK_ID =
      Pattern.compile("/task/([^/]+)/(?:submit-form|complete|claim|form-variables|deployed-form)");
}
