package com.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * A claim refused because a colleague claimed first is answered 409 naming the colleague, also when
 * the colleague completes the task right after (fifty agents at once found a 500 there: the holder
 * was looked up twice and the second look found the task gone).
 */
class TaskErrorMessageFilterTest {

  private final TaskService tasks = mock(TaskService.class);
  private final TaskQuery query = mock(TaskQuery.class);

  private MockHttpServletResponse claim() throws Exception {
    when(tasks.createTaskQuery()).thenReturn(query);
    when(query.taskId(anyString())).thenReturn(query);
    var filter =
        new TaskErrorMessageFilter()
            .taskErrorMessages(tasks, mock(IdentityService.class))
            .getFilter();
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/engine-rest/task/t-1/claim");
    request.setRequestURI("/engine-rest/task/t-1/claim");
    MockHttpServletResponse response = new MockHttpServletResponse();
    FilterChain engine =
        (req, res) -> {
          HttpServletResponse r = (HttpServletResponse) res;
          r.setStatus(500);
          r.setContentType("application/json");
          r.getOutputStream()
              .write(
                  "{\"type\":\"TaskAlreadyClaimedException\",\"message\":\"Task 't-1' is already claimed by someone else.\"}"
                      .getBytes(StandardCharsets.UTF_8));
        };
    filter.doFilter(request, response, engine);
    return response;
  }

  @Test
  void aClaimLostToAColleagueWhoThenCompletesTheTaskNamesTheColleague() throws Exception {
    Task held = mock(Task.class);
    when(held.getAssignee()).thenReturn("agent1");
    // held by agent1 when the refusal is looked into; completed by agent1 a moment later
    when(query.singleResult()).thenReturn(held, (Task) null);
    when(query.count()).thenReturn(0L);
    MockHttpServletResponse response = claim();
    assertThat(response.getStatus()).isEqualTo(409);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("任务已被 agent1 认领，请刷新任务列表，选择其他任务");
  }

  @Test
  void aClaimOfATaskCompletedBeforeTheRefusalWasLookedIntoIsGone() throws Exception {
    when(query.singleResult()).thenReturn(null);
    when(query.count()).thenReturn(0L);
    MockHttpServletResponse response = claim();
    assertThat(response.getStatus()).isEqualTo(404);
    assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("任务不存在或已被他人处理");
  }
}
