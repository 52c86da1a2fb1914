package com.aftersales.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/** A node whose database connections are all busy answers 503 in Chinese, not a bare 500. */
class DatabaseBusyAnswersTest {

  private static MockHttpServletResponse through(FilterChain engine) throws Exception {
    MockHttpServletRequest request =
        new MockHttpServletRequest("POST", "/engine-rest/filter/f-1/list");
    MockHttpServletResponse response = new MockHttpServletResponse();
    new DatabaseBusyAnswers().databaseBusy().getFilter().doFilter(request, response, engine);
    return response;
  }

  @Test
  void noConnectionInTimeIsAnswered503WithAChineseTryAgain() throws Exception {
    MockHttpServletResponse response =
        through(
            (req, res) -> {
              throw new CannotCreateTransactionException(
                  "Could not open JDBC Connection for transaction",
                  new SQLTransientConnectionException(
                      "HikariPool-1 - Connection is not available, request timed out after 30176ms"));
            });
    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentAsString(StandardCharsets.UTF_8))
        .contains("系统繁忙")
        .contains("请稍后再试")
        .doesNotContain("Hikari");
  }

  @Test
  void theSameWrappedByTheServletIsAnsweredAlike() throws Exception {
    MockHttpServletResponse response =
        through(
            (req, res) -> {
              throw new ServletException(
                  new RuntimeException(new SQLTransientConnectionException("timed out")));
            });
    assertThat(response.getStatus()).isEqualTo(503);
  }

  @Test
  void otherFailuresPassUnchanged() {
    assertThatThrownBy(
            () ->
                through(
                    (req, res) -> {
                      throw new IllegalStateException("something else");
                    }))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void ourOwnApiAnswersTheSame() {
    var answer =
        new ApiErrors()
            .noConnection(
                new CannotCreateTransactionException(
                    "Could not open JDBC Connection for transaction"));
    assertThat(answer.getStatusCode().value()).isEqualTo(503);
    assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(answer.getBody().getDetail()).isEqualTo(DatabaseBusyAnswers.MESSAGE);
  }
}
